/**
 * The one place in the core that turns markup into nodes or nodes into markup. Passes work
 * on nodes; only the pipeline's last step serialises, and only the Markdown converter parses.
 */

/** The HTML of an element's children. */
export function serializeChildren(element: Element): string {
  return element.innerHTML;
}

/** The HTML of an element itself. */
export function serializeElement(element: Element): string {
  return element.outerHTML;
}

/**
 * Parses an HTML fragment into a detached `<body>` of a new inert document made by `doc`'s
 * implementation (no scripts run, nothing loads, nothing is attached to a live page).
 */
export function parseFragment(doc: Document, html: string): HTMLElement {
  const inert = doc.implementation.createHTMLDocument("");
  inert.body.innerHTML = html;
  return inert.body;
}
