/**
 * The Node adapter's one HTML parser: a page's markup to a jsdom Document, with scripts off,
 * no sub-resources loaded and the page's CSS/console noise discarded. Used by the command
 * line, the tests and the benchmarks; extension code parses with the browser instead.
 *
 * Everything here goes through public API: jsdom's constructor, parse5's (the parser jsdom
 * itself uses) and the DOM of the window jsdom made. Nothing of jsdom's internals is touched.
 */
import { JSDOM, VirtualConsole } from "jsdom";
import { type DefaultTreeAdapterTypes, parse } from "parse5";

export interface NodeDocument {
  document: Document;
  window: Window;
  /** Frees the jsdom window; call it when done with many pages in one process. */
  close(): void;
}

export function parseDocument(html: string, url: string): NodeDocument {
  const dom = makeJSDOM(html, url);
  const window = dom.window as unknown as Window;
  return { document: window.document, window, close: () => dom.window.close() };
}

/**
 * A jsdom that parses `html` the way a browser with scripting on does (the browser Folio runs
 * in): the content of `<noscript>` is text, not markup (see `asScripted`), with the DOM shim
 * below installed on its window. Scripts never run.
 */
export function makeJSDOM(html: string, url: string): JSDOM {
  const build = (markup: string) => {
    const scripted = asScripted(markup);
    const dom = new JSDOM(scripted.markup, { url, virtualConsole: new VirtualConsole() });
    scripted.restore(dom.window.document as unknown as Document);
    installTagQueries(dom.window as unknown as Window);
    return dom;
  };
  try {
    return build(html);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // jsdom parses every <style> as it is built, and some valid-enough stylesheets make its
    // CSS value parser throw (`calc(100% - (2px }`: ")" is expected), which would lose the whole
    // page. Folio reads no stylesheet in Node (there is no layout), so the page is parsed again
    // with its style blocks typed as something jsdom leaves alone: in HTML the first of two
    // `type` attributes wins.
    return build(html.replace(/<style\b/gi, '<style type="text/x-folio-not-parsed"'));
  }
}

type P5Node = DefaultTreeAdapterTypes.Node;
type P5Element = DefaultTreeAdapterTypes.Element;

/**
 * jsdom parses with scripting off unless it also runs the page's scripts; then an unclosed tag
 * inside a `<noscript>` swallows the rest of the page. The browser parses `<noscript>` content
 * as raw text. So the markup is first parsed by parse5 with scripting on (its public
 * `scriptingEnabled` option), which says where each `<noscript>`'s raw text lies; that text is
 * replaced by a comment (which a `<noscript>` holds in the head and the body alike when
 * scripting is off), jsdom parses the result, and each such comment is put back as the text
 * the browser would have. Pages without `<noscript>` are parsed once, as they are.
 */
function asScripted(html: string): { markup: string; restore(doc: Document): void } {
  if (!/<noscript/i.test(html)) return { markup: html, restore: () => undefined };
  const texts: string[] = [];
  const cuts: { start: number; end: number }[] = [];
  const visit = (node: P5Node): void => {
    const el = node as P5Element;
    if (el.tagName === "noscript" && el.namespaceURI === "http://www.w3.org/1999/xhtml") {
      const at = el.sourceCodeLocation;
      if (at?.startTag) {
        const text = el.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
        cuts.push({ start: at.startTag.endOffset, end: at.endTag?.startOffset ?? html.length });
        texts.push(text);
      }
      return;
    }
    const content = (node as DefaultTreeAdapterTypes.Template).content;
    for (const child of content ? content.childNodes : "childNodes" in node ? node.childNodes : [])
      visit(child);
  };
  visit(parse(html, { scriptingEnabled: true, sourceCodeLocationInfo: true }));
  if (cuts.length === 0) return { markup: html, restore: () => undefined };

  const mark = `folio-noscript-${Math.random().toString(36).slice(2)}-`;
  let markup = "";
  let from = 0;
  cuts.forEach((cut, i) => {
    markup += `${html.slice(from, cut.start)}<!--${mark}${i}-->`;
    from = cut.end;
  });
  markup += html.slice(from);

  const restore = (root: Node): void => {
    const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
    const walker = doc.createTreeWalker(root, 0x80 | 0x1); // SHOW_COMMENT | SHOW_ELEMENT
    const found: Comment[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 8 && (node as Comment).data.startsWith(mark)) found.push(node as Comment);
      else if ((node as Element).localName === "template") restore((node as HTMLTemplateElement).content);
    }
    for (const comment of found) {
      const text = texts[Number(comment.data.slice(mark.length))];
      if (text === undefined || comment.parentElement?.localName !== "noscript") continue;
      if (text) comment.replaceWith(doc.createTextNode(text));
      else comment.remove();
    }
  };
  return { markup, restore };
}

const HTML_NS = "http://www.w3.org/1999/xhtml";
const TAG_LIST = /^\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s*,\s*[a-zA-Z][a-zA-Z0-9-]*)*\s*$/;

/**
 * A DOM shim for speed: `querySelectorAll` of a plain list of tag names ("p", "img,picture")
 * answered by a TreeWalker. jsdom's selector engine prepares itself for every new document and
 * every new selector (about 0.6 ms for the first query on a page, 0.05-0.25 ms per new selector
 * after) before it matches element by element, and Readability looks elements up by tag dozens
 * of times per page; a walk gives the same elements in the same order, several times faster.
 * Any other selector goes to jsdom. Installed on every window this module makes, so everything
 * that runs on its documents (Folio's core, bare Readability in the benchmarks) gets it.
 */
export function installTagQueries(window: Window): void {
  const view = window as unknown as { Document: typeof Document; Element: typeof Element };
  for (const proto of [view.Document.prototype, view.Element.prototype]) {
    const native = proto.querySelectorAll;
    Object.defineProperty(proto, "querySelectorAll", {
      configurable: true,
      writable: true,
      value: function querySelectorAll(this: Document | Element, selectors: string) {
        const doc = this.nodeType === 9 ? (this as Document) : this.ownerDocument;
        if (typeof selectors !== "string" || !TAG_LIST.test(selectors) || doc?.contentType !== "text/html")
          return native.call(this, selectors);
        return asNodeList(
          byTags(
            this,
            selectors.split(",").map((s) => s.trim()),
          ),
        );
      },
    });
  }
}

/** An array with NodeList's `item`, for callers that use it. */
function asNodeList(elements: Element[]): Element[] {
  Object.defineProperty(elements, "item", { value: (i: number) => elements[i] ?? null });
  return elements;
}

/**
 * What `node.querySelectorAll(tagNames.join(","))` returns in an HTML document: the elements
 * below `node` in document order whose tag is one of `tagNames`, matched as a type selector
 * does (case-insensitively for HTML elements, exactly for SVG and MathML ones).
 */
export function byTags(node: Element | Document, tagNames: readonly string[]): Element[] {
  const anyNamespace = new Set<string>(); // lower-case names: the same test for every element
  const htmlOnly = new Set<string>(); // "DIV" matches <div> but not an SVG element named "div"
  const foreignOnly = new Set<string>(); // ...and only an SVG element named exactly "DIV"
  for (const name of tagNames) {
    const lower = name.toLowerCase();
    if (lower === name) anyNamespace.add(name);
    else {
      htmlOnly.add(lower);
      foreignOnly.add(name);
    }
  }
  const found: Element[] = [];
  const doc = node.nodeType === 9 ? (node as Document) : (node as Element).ownerDocument;
  const walker = doc.createTreeWalker(node, 1); // SHOW_ELEMENT
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    const name = el.localName;
    if (
      anyNamespace.has(name) ||
      (htmlOnly.has(name) && el.namespaceURI === HTML_NS) ||
      (foreignOnly.has(name) && el.namespaceURI !== HTML_NS)
    )
      found.push(el);
  }
  return found;
}
