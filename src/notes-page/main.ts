/**
 * Every highlight and note across the library, the most recently changed first, searchable as
 * you type (every word, any order, diacritics folded, as the library's search). Text only; each
 * opens its article in the reader, at home in the library. Reads src/library/annotations.ts and
 * the articles' headlines from the library.
 */
import { type Annotation, openAnnotations } from "../library/annotations.ts";
import { libraryConnection } from "../library/connection.ts";
import { fold } from "../library/fold.ts";
import { applySettings, cachedSettings } from "../ui/settings.ts";
import { READER_PAGE, savedReaderQuery } from "../platform/pages.ts";

applySettings(document.documentElement, cachedSettings());
const list = document.getElementById("notes-list") as HTMLElement;
const query = document.getElementById("notes-query") as HTMLInputElement;
const count = document.getElementById("notes-count") as HTMLElement;

interface Entry {
  annotation: Annotation;
  title: string;
  words: string;
}

function text<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, value: string) {
  const node = document.createElement(tag);
  node.className = cls;
  node.textContent = value;
  return node;
}

function render(entries: readonly Entry[]): void {
  const words = fold(query.value).split(/\s+/).filter(Boolean);
  const shown = entries.filter((e) => words.every((w) => e.words.includes(w)));
  count.textContent = `${shown.length} of ${entries.length}`;
  list.replaceChildren(
    ...shown.map(({ annotation: a, title }) => {
      const item = document.createElement("article");
      item.className = `folio-note folio-note-${a.color}`;
      const link = text("a", "folio-note-article", title);
      link.href = `/${READER_PAGE}${savedReaderQuery(a.url)}`;
      item.append(link, text("blockquote", "folio-note-quote", a.exact));
      if (a.note.trim()) item.append(text("p", "folio-note-saved", a.note));
      return item;
    }),
  );
  if (entries.length === 0)
    list.replaceChildren(
      text("p", "folio-notes-empty", "No highlights yet: select words in a saved article."),
    );
}

const store = await openAnnotations();
const all = await store.all();
const opened = await libraryConnection()();
const titles = new Map<string, string>();
for (const url of new Set(all.map((a) => a.url))) {
  const read = opened.ok ? await opened.library.get(url) : null;
  titles.set(url, read?.ok && read.article ? read.article.title : url);
}
const entries: Entry[] = all.map((annotation) => {
  const title = titles.get(annotation.url) ?? annotation.url;
  return { annotation, title, words: fold(`${annotation.exact} ${annotation.note} ${title}`) };
});
query.addEventListener("input", () => render(entries));
render(entries);
document.documentElement.dataset.state = "ready";
