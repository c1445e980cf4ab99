/**
 * Moving articles out of and into the library: the JSON backup (with the images kept offline
 * when "with images" is ticked), the Markdown .zip (of the whole library or of a selection,
 * with the images kept offline as files), and importing a file of any format Folio reads (a
 * Folio backup, Pocket, Instapaper, Omnivore, Wallabag, bookmarks: library/import/). The export
 * and import code is loaded when it is first used, not with the page.
 */
import { announceImages, imagesOf } from "../library/image-store.ts";
import type { ZipImage } from "../library/export/zip.ts";
import type { SavedArticle } from "../library/schema.ts";
import { downloadBlob, downloadText } from "./download.ts";
import type { Listing } from "./listing.ts";
import { busy, type LibraryPage } from "./page.ts";
import type { Search } from "./search-index.ts";
import { formatNumber } from "../library/format.ts";
import { articlesText, highlightsText, imagesText, importDetails, importText } from "./text.ts";
import { markdownZipInWorker } from "./zip-export.ts";

export interface Transfer {
  /** Downloads the articles of `urls` as Markdown files in one .zip. */
  exportUrls(urls: string[]): Promise<void>;
}

export function transfer(page: LibraryPage, list: Listing, search: Search): Transfer {
  const { doc, ui, state, library, locale } = page;

  const zipDownload = async (all: SavedArticle[], suffix = "") => {
    // A link to read has no text yet: an empty file would say nothing.
    const articles = all.filter((a) => !a.linkOnly);
    const links = all.length - articles.length;
    const { zipFileName } = await import("../library/export/zip.ts");
    const db = await page.images();
    const kept: ZipImage[][] = [];
    for (const article of articles) kept.push(db ? await imagesOf(db, article.url) : []);
    // The zip is made in its worker (zip-export.ts); the page says where, for its tests.
    let made: Awaited<ReturnType<typeof markdownZipInWorker>>;
    try {
      made = await markdownZipInWorker(articles, kept);
    } catch (error) {
      page.info(null);
      page.alert(
        `Could not make the .zip: ${error instanceof Error ? error.message : String(error)}. Your library is unchanged: try again, or export fewer articles at a time.`,
      );
      return;
    }
    doc.documentElement.dataset.zipBuiltIn = made.builtIn;
    const { parts, images } = made.answer;
    downloadBlob(
      doc,
      new Blob(parts as BlobPart[], { type: "application/zip" }),
      zipFileName().replace(/\.zip$/, `${suffix}.zip`),
    );
    page.info(
      `Exported ${articlesText(articles.length, locale)} as Markdown files in one .zip${
        images ? `, with ${imagesText(images, locale)} kept offline` : ""
      }.${
        links
          ? ` ${formatNumber(links, locale)} ${links === 1 ? "link" : "links"} to read, with no text yet, left out.`
          : ""
      }`,
    );
  };

  const readAll = async (): Promise<SavedArticle[] | null> => {
    const all = await library.all();
    if (!all.ok) {
      page.alert(all.error.message);
      return null;
    }
    return all.articles;
  };

  const exportUrls = async (urls: string[]) => {
    page.info(`Preparing ${articlesText(urls.length, locale)}…`);
    const read = await Promise.all(urls.map((url) => library.get(url)));
    const articles: SavedArticle[] = [];
    for (const r of read) {
      if (!r.ok) {
        page.alert(r.error.message);
        return;
      }
      if (r.article) articles.push(r.article);
    }
    articles.sort((a, b) => b.savedAt - a.savedAt);
    await zipDownload(articles, "-selection");
  };

  ui.exportJson.addEventListener("click", () =>
    busy(page, ui.exportJson, async () => {
      page.info("Preparing the backup…");
      const articles = await readAll();
      if (!articles) return;
      const notes = await (await page.annotations()).all();
      const { backupFileName, backupPieces, MAX_BACKUP_BYTES } = await import("../library/export/backup.ts");
      let images = { pieces: [] as string[], images: 0, left: 0 };
      const db = ui.backupImages.checked ? await page.images() : null;
      if (db) {
        const { backupImagePieces } = await import("../library/image-backup.ts");
        // The images fill what a backup may weigh (import reads up to MAX_BACKUP_BYTES).
        const textBytes = new Blob(backupPieces(articles, Date.now(), notes)).size;
        images = await backupImagePieces(db, MAX_BACKUP_BYTES - textBytes - 1024 * 1024);
      }
      downloadText(
        doc,
        backupPieces(articles, Date.now(), notes, images.pieces),
        backupFileName(),
        "application/json",
      );
      const extras = [
        notes.length ? highlightsText(notes.length, locale) : "",
        images.images ? imagesText(images.images, locale) : "",
      ].filter(Boolean);
      page.info(
        `Backed up ${articlesText(articles.length, locale)}${extras.length ? `, with ${extras.join(" and ")}` : ""}.${
          images.left
            ? ` ${imagesText(images.left, locale)} left out: a backup holds at most ${Math.round(MAX_BACKUP_BYTES / (1024 * 1024))} MB.`
            : ""
        }`,
      );
    }),
  );
  ui.exportZip.addEventListener("click", () =>
    busy(page, ui.exportZip, async () => {
      page.info("Preparing the Markdown files…");
      const articles = await readAll();
      if (articles) await zipDownload(articles);
    }),
  );
  ui.importButton.addEventListener("click", () => ui.importInput.click());
  ui.importInput.addEventListener("change", () => {
    // Taken at once, and the input emptied, so the same file can be chosen again; a change
    // that carries no file (a cancelled dialog) leaves the page's messages as they are.
    const file = ui.importInput.files?.[0];
    ui.importInput.value = "";
    if (!file) return;
    void busy(page, ui.importButton, async () => {
      page.info(null);
      const { checkBackupSize } = await import("../library/export/backup.ts");
      const tooLarge = checkBackupSize(file.size);
      if (tooLarge) {
        page.alert(`Nothing was imported. ${tooLarge.replace("a Folio backup", "imported")}`);
        return;
      }
      page.info(`Reading ${file.name}…`);
      const { importFile } = await import("../library/import/import-file.ts");
      const parser = new DOMParser();
      const result = await importFile(
        library,
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        {
          // An inert document: no scripts run, nothing loads.
          parseHtml: (html) => parser.parseFromString(html, "text/html"),
          // A parsed document has no window of its own: the sanitizer uses this page's.
          extract: { window: page.win },
          progress: (done, total) =>
            page.info(
              `Reading ${file.name}: ${formatNumber(done, locale)} of ${formatNumber(total, locale)}…`,
            ),
          writing: (done, total) =>
            page.info(
              `Adding to your library: ${formatNumber(done, locale)} of ${formatNumber(total, locale)}…`,
            ),
        },
      );
      if (!result.ok) {
        page.info(null);
        page.alert(`Nothing was imported. ${result.error.message}`);
        return;
      }
      const { report } = result;
      // A backup's highlights and notes (or those of another app) go into their own database, and its images into
      // theirs; every article that came in gets its images' status (the library says which
      // stay online).
      const restored = result.annotations.length
        ? await (await page.annotations()).merge(result.annotations)
        : 0;
      const db = await page.images();
      let images = { added: 0, refused: 0 };
      if (db) {
        const { importImages } = await import("../library/image-backup.ts");
        // A link to read shows no images: only the articles that came with their page.
        const changed = report.withPages;
        images = await importImages(db, library, result.images, changed).catch(() => images);
        if (changed.length) announceImages(changed);
      }
      search.changed(report.changed);
      await list.refreshTotal();
      await list.show(state.rendered);
      page.info(
        `${importText(report, locale)}${
          restored
            ? ` ${highlightsText(restored, locale)} ${report.format === "folio-backup" ? "restored" : "imported"}.`
            : ""
        }${
          images.added ? ` ${imagesText(images.added, locale)} restored.` : ""
        }${images.refused ? ` ${imagesText(images.refused, locale)} left out: not pictures.` : ""}`,
        importDetails(report, locale),
      );
      // Every summary again (the tags and states of what came in), for the filters.
      await search.build();
    });
  });

  return { exportUrls };
}
