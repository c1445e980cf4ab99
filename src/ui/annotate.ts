/**
 * Highlights and notes on a saved article in the reader tab: select words in the body and a
 * small bar offers four colours and "Note" (or press H, or N for a note); the highlights are drawn with the CSS Custom
 * Highlight API (the article's DOM is not changed) and listed under the article with their
 * notes (editable, kept as you type), where they can be shown, deleted or copied as Markdown.
 * Stored by src/library/annotations.ts; anchored by quote and place (anchor.ts).
 */
import type { Article } from "../core/types.ts";
import { annotationsToMarkdown } from "../library/annotations-markdown.ts";
import {
  type Annotation,
  type AnnotationStore,
  COLORS,
  type Color,
  openAnnotations,
} from "../library/annotations.ts";
import { anchorOf, findAnchor, offsetsIn, rangeIn } from "./anchor.ts";
import { NOTES_PAGE } from "../platform/pages.ts";

function registry(win: Window) {
  const css = (win as unknown as { CSS?: { highlights?: Map<string, unknown> } }).CSS;
  const Highlight = (win as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string) {
  const node = doc.createElement(tag);
  if (cls) node.className = cls;
  if (text) node.textContent = text;
  return node;
}

export function setUpAnnotations(
  toggle: HTMLButtonElement,
  view: HTMLElement,
  article: Article,
  url: string,
  complete: Promise<void>,
  open: () => Promise<AnnotationStore> = () => openAnnotations(),
): () => void {
  const doc = view.ownerDocument;
  const win = doc.defaultView as Window;
  const root = doc.documentElement;
  const body = view.querySelector<HTMLElement>(".folio-body");
  if (!body) return () => {};
  const api = registry(win);
  const store = open();
  let annotations: Annotation[] = [];
  const places = new Map<string, { start: number; end: number } | null>();

  const panel = el(doc, "section", "folio-notes");
  panel.setAttribute("aria-label", "Highlights and notes");
  panel.hidden = true;
  const heading = el(doc, "h2", "folio-notes-title", "Highlights and notes");
  const copy = el(doc, "button", "folio-button", "Copy as Markdown");
  copy.type = "button";
  const empty = el(
    doc,
    "p",
    "folio-notes-empty",
    "Select words in the article to highlight them or add a note.",
  );
  const list = el(doc, "ul", "folio-notes-list");
  const everything = el(doc, "a", "folio-notes-all", "All your highlights");
  everything.href = `/${NOTES_PAGE}`;
  everything.target = "_blank";
  panel.append(heading, copy, " ", everything, empty, list);
  view.after(panel);

  const bar = el(doc, "div", "folio-annotate-bar");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Highlight the selection (H; N for a note)");
  bar.hidden = true;
  for (const color of COLORS) {
    const b = el(doc, "button", `folio-swatch folio-swatch-${color}`);
    b.type = "button";
    b.dataset.color = color;
    b.setAttribute("aria-label", `Highlight ${color}`);
    b.title = `Highlight ${color}`;
    bar.append(b);
  }
  const noteButton = el(doc, "button", "folio-button", "Note");
  noteButton.type = "button";
  noteButton.dataset.color = "yellow";
  noteButton.dataset.note = "true";
  bar.append(noteButton);
  doc.body.append(bar);

  const paint = () => {
    places.clear();
    const text = body.textContent ?? "";
    const ranges = new Map<Color, Range[]>(COLORS.map((c) => [c, []]));
    for (const a of annotations) {
      const place = findAnchor(text, a);
      places.set(a.id, place);
      if (place) ranges.get(a.color)?.push(rangeIn(body, place.start, place.end));
    }
    if (api)
      for (const [color, r] of ranges) api.highlights.set(`folio-note-${color}`, new api.Highlight(...r));
    root.dataset.annotations = String([...places.values()].filter(Boolean).length);
    toggle.textContent = annotations.length ? `Notes (${annotations.length})` : "Notes";
  };

  const saveTimers = new Map<string, number>();
  /** Notes typed but not saved yet: saved at once when the tab is hidden or closed. */
  const pending = new Map<string, () => Promise<void>>();
  const flush = () => {
    for (const [id, save] of pending) if (saveTimers.has(id)) void save();
  };
  win.addEventListener("pagehide", flush);
  const renderList = () => {
    pending.clear();
    empty.hidden = annotations.length > 0;
    copy.hidden = annotations.length === 0;
    list.replaceChildren(
      ...annotations.map((a) => {
        const item = el(doc, "li", `folio-note folio-note-${a.color}`);
        item.dataset.id = a.id;
        const quote = el(doc, "blockquote", "folio-note-quote", a.exact);
        const note = el(doc, "textarea", "folio-note-text");
        note.value = a.note;
        note.rows = 2;
        note.placeholder = "Add a note";
        note.setAttribute("aria-label", "Note");
        const save = async () => {
          win.clearTimeout(saveTimers.get(a.id));
          saveTimers.delete(a.id);
          const saved = await (await store).update(a.id, { note: note.value });
          if (saved) a.note = saved.note;
          // Up to date only when nothing was typed meanwhile.
          if (saved && saved.note === note.value) item.dataset.saved = "true";
        };
        note.addEventListener("input", () => {
          delete item.dataset.saved;
          win.clearTimeout(saveTimers.get(a.id));
          saveTimers.set(a.id, win.setTimeout(save, 400));
        });
        note.addEventListener("change", () => void save());
        pending.set(a.id, save);
        const show = el(doc, "button", "folio-button", "Show");
        show.type = "button";
        show.disabled = !places.get(a.id);
        show.addEventListener("click", () => {
          const place = places.get(a.id);
          if (place)
            rangeIn(body, place.start, place.end).startContainer.parentElement?.scrollIntoView({
              block: "center",
            });
        });
        const remove = el(doc, "button", "folio-button", "Delete");
        remove.type = "button";
        remove.addEventListener("click", async () => {
          await (await store).remove(a.id);
          annotations = annotations.filter((x) => x.id !== a.id);
          paint();
          renderList();
        });
        item.append(quote);
        if (!places.get(a.id))
          item.append(el(doc, "p", "folio-note-lost", "Not found in the text any more."));
        item.append(note, show, remove);
        return item;
      }),
    );
  };

  const selectedRange = (): Range | null => {
    const selection = win.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return body.contains(range.commonAncestorContainer) && range.toString().trim() ? range : null;
  };
  const onSelection = () => {
    const range = selectedRange();
    bar.hidden = !range;
    if (!range) return;
    const box = range.getBoundingClientRect();
    bar.style.top = `${win.scrollY + box.top - 44}px`;
    bar.style.left = `${win.scrollX + Math.max(8, box.left)}px`;
  };
  doc.addEventListener("selectionchange", onSelection);
  // Pressing a button must not drop the selection it acts on.
  bar.addEventListener("pointerdown", (event) => event.preventDefault());
  const highlight = async (color: Color, withNote: boolean) => {
    const range = selectedRange();
    const place = range && offsetsIn(body, range);
    if (!place) return;
    const anchor = anchorOf(body.textContent ?? "", place.start, place.end);
    const added = await (await store).add({ url, ...anchor, color, note: "" });
    win.getSelection()?.removeAllRanges();
    annotations = [...annotations, added].sort((a, b) => a.start - b.start);
    paint();
    renderList();
    if (withNote) {
      openPanel(true);
      list.querySelector<HTMLTextAreaElement>(`[data-id="${added.id}"] textarea`)?.focus();
    }
  };
  bar.addEventListener("click", (event) => {
    const target = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-color]");
    if (target) void highlight(target.dataset.color as Color, target.dataset.note === "true");
  });
  // From the keyboard: H highlights the selection, N adds a note to it.
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    if ((event.target as HTMLElement | null)?.closest("input, select, textarea, [contenteditable]")) return;
    const key = event.key.toLowerCase();
    if ((key !== "h" && key !== "n") || !selectedRange()) return;
    event.preventDefault();
    void highlight("yellow", key === "n");
  };
  doc.addEventListener("keydown", onKey);

  copy.addEventListener("click", async () => {
    try {
      await win.navigator.clipboard.writeText(annotationsToMarkdown(article.title, url, annotations));
      copy.textContent = "Copied";
    } catch {
      copy.textContent = "Couldn't copy";
    }
    win.setTimeout(() => {
      copy.textContent = "Copy as Markdown";
    }, 2000);
  });

  const openPanel = (show: boolean) => {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
    if (show) panel.scrollIntoView({ block: "start" });
  };
  const onToggle = () => openPanel(panel.hidden === true);
  toggle.hidden = false;
  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", onToggle);

  void Promise.all([store, complete])
    .then(async ([s]) => {
      annotations = await s.forArticle(url);
      paint();
      renderList();
      root.dataset.annotationsReady = "true";
    })
    .catch((error: unknown) => {
      empty.textContent = `Highlights could not be read (${String(error)}).`;
    });

  return () => {
    flush();
    win.removeEventListener("pagehide", flush);
    doc.removeEventListener("selectionchange", onSelection);
    doc.removeEventListener("keydown", onKey);
    toggle.removeEventListener("click", onToggle);
    toggle.hidden = true;
    for (const color of COLORS) api?.highlights.delete(`folio-note-${color}`);
    for (const timer of saveTimers.values()) win.clearTimeout(timer);
    panel.remove();
    bar.remove();
    delete root.dataset.annotations;
    delete root.dataset.annotationsReady;
    void store.then((s) => s.close()).catch(() => {});
  };
}
