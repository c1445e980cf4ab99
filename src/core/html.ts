/**
 * The one place in the core that turns markup into nodes or nodes into markup. Passes work
 * on nodes; only the pipeline's last step serialises, and only the Markdown converter parses.
 */

/** The HTML of an element's children. */
export function serializeChildren(element: Element): string {
  return element.innerHTML;
}

/**
 * Whether serialised HTML uses `url` (as an attribute value, where "&" is written "&amp;").
 * The reader's header and the exports show the lead image only when the body does not.
 */
export function htmlHasUrl(html: string, url: string): boolean {
  return html.includes(url) || html.includes(url.replace(/&/g, "&amp;"));
}

/** The HTML of an element itself. */
export function serializeElement(element: Element): string {
  return element.outerHTML;
}

/**
 * Parses an HTML fragment into the `<body>` of a new inert document, with the DOMParser of
 * `doc`'s window (no scripts run, nothing loads, nothing is attached to a live page). The
 * leading `<body>` keeps the parser in the body, so the fragment parses as it would as a body's
 * innerHTML. (A DOMParser rather than innerHTML: Firefox's add-on linter, `web-ext lint`, warns
 * on every innerHTML assignment and insertAdjacentHTML call, and Folio's own code has none.)
 */
export function parseFragment(doc: Document, html: string): HTMLElement {
  const view = doc.defaultView;
  if (!view) throw new Error("parseFragment needs a document with a window");
  return new view.DOMParser().parseFromString(`<body>${html}`, "text/html").body;
}
