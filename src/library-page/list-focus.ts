/**
 * The focus in the list when a row is made anew (its article changed: marked read, tagged…):
 * the reader who pressed a row's button stays on that button of the new row, not at the top of
 * the page. `listFocus` follows the control last focused in the list and gives, before rows
 * are replaced, a way to focus its like again after.
 */
export function listFocus(
  doc: Document,
  list: HTMLElement,
  rowOf: (url: string) => HTMLElement | undefined,
): () => (() => void) | null {
  /** The control last focused in the list, until the focus or a click goes elsewhere. */
  let lastFocused: Element | null = null;
  doc.addEventListener("focusin", (event) => {
    lastFocused = list.contains(event.target as Node) ? (event.target as Element) : null;
  });
  doc.addEventListener("pointerdown", (event) => {
    if (!list.contains(event.target as Node)) lastFocused = null;
  });

  return () => {
    // A pressed button is disabled while its work runs (page.ts `busy`), which moves the focus
    // to the page's body: then the control to come back to is the one last focused in the list.
    const active = doc.activeElement && doc.activeElement !== doc.body ? doc.activeElement : lastFocused;
    const url = active?.closest<HTMLElement>(".lib-row")?.dataset.url;
    if (!active || !url) return null;
    const action = (active as HTMLElement).dataset.action;
    const tag = (active as HTMLElement).dataset.tag;
    const selector = action
      ? `[data-action="${CSS.escape(action)}"]${tag ? `[data-tag="${CSS.escape(tag)}"]` : ""}`
      : active.classList.contains("lib-check")
        ? ".lib-check"
        : ".lib-open";
    return () => {
      const row = rowOf(url);
      if (row?.isConnected)
        (row.querySelector<HTMLElement>(selector) ?? row.querySelector<HTMLElement>(".lib-open"))?.focus();
    };
  };
}
