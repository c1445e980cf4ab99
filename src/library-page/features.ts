/**
 * The library page's features, wired once its first rows are painted (main.ts loads this
 * module then): search and the other pages' changes (search-index.ts); delete with Undo, the
 * rows' own actions and organising; exports and import, selection, fetching links, the image
 * notes and the stored settings; then the count, and the search worker's build.
 *
 * Their code comes in those three steps, a task apart: a page of an extension pays each file
 * it requests on its own thread (a few milliseconds each on a busy machine), and the twenty or
 * so files of all the features at once would hold it for 50-100 ms.
 */
import type { Fetching } from "./fetching.ts";
import type { Listing } from "./listing.ts";
import type { LibraryPage } from "./page.ts";

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function wire(page: LibraryPage, list: Listing): Promise<void> {
  const { root } = page;
  // The selection bar is told of changes made elsewhere (a deleted article leaves it), and the
  // Fetch button of how many links to read the search worker counted (both wired below, before
  // the worker's first build).
  let selectionChanged = () => {};
  let fetches: Fetching | null = null;

  const { searchIndex } = await import("./search-index.ts");
  const search = searchIndex(page, list, {
    outsideChange: () => selectionChanged(),
    facets: (facets) => fetches?.linksCounted(facets.links),
    failed: () => void fetches?.countLinks(),
  });

  await nextTask();
  const [{ deleting }, { rowActions }, { organising }, { tagRenaming }, { thumbnails }] = await Promise.all([
    import("./deleting.ts"),
    import("./row-actions.ts"),
    import("./organising.ts"),
    import("./tag-rename.ts"),
    import("./thumbnails.ts"),
  ]);
  const removing = deleting(page, list, search, () => selectionChanged());
  rowActions(page, removing.remove);
  organising(page, list, search);
  tagRenaming(page, list, search);
  list.hook(thumbnails(page));

  await nextTask();
  const [
    { transfer },
    { selection },
    { fetching },
    { imageNotes },
    { browser },
    settings,
    { readingProgress },
  ] = await Promise.all([
    import("./transfer.ts"),
    import("./selection.ts"),
    import("./fetching.ts"),
    import("./images.ts"),
    import("../platform/extension.ts"),
    import("../ui/settings.ts"),
    import("./reading-progress.ts"),
  ]);
  list.hook(readingProgress(page, browser.storage));
  void settings.loadSettings(browser.storage).then((s) => settings.applySettings(root, s));
  settings.watchSettings(browser.storage, (s) => settings.applySettings(root, s));
  const moving = transfer(page, list, search);
  const selecting = selection(page, { remove: removing.remove, exportUrls: moving.exportUrls });
  selectionChanged = selecting.update;
  fetches = fetching(page);
  // Every feature is wired before search says it is ready (tests and readers act then): the
  // count (at 50,000 articles IndexedDB counts for 0.1-0.2 s: not waited for), the image notes
  // (a small read, not in search's way), and the search worker's build.
  void list.refreshTotal();
  void imageNotes(page).load();
  await search.build();
}
