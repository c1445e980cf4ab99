/** The extension's own pages, as paths from the extension's root (for `runtime.getURL`). */
export const READER_PAGE = "src/reader/index.html";
export const LIBRARY_PAGE = "src/library-page/index.html";
/** Every highlight and note across the library. */
export const NOTES_PAGE = "src/notes-page/index.html";

/** The reader tab's query for an article of the library (read from IndexedDB, offline). */
export function savedReaderQuery(url: string): string {
  return `?${new URLSearchParams({ saved: url })}`;
}
