/**
 * The only place where page-derived HTML is made safe. Everything that reaches an extension
 * page's DOM (popup, reader tab, library) goes through `sanitizeHtml` first, and the core runs
 * the extracted article through it too, so stored and exported HTML is already clean.
 *
 * Policy: a strict allow-list of reading markup. No scripts, event handlers, forms, iframes,
 * objects, styles, <base> or <meta>; links only to http(s)/mailto/tel and relative targets,
 * opened in a new tab without opener or referrer; images only from http(s) or data:image.
 * SVG and MathML are not allowed: article images come as <img>, formulas as text.
 */
import createDOMPurify, { type Config, type DOMPurify } from "dompurify";

export const ALLOWED_TAGS = [
  "a",
  "abbr",
  "address",
  "article",
  "aside",
  "b",
  "bdi",
  "bdo",
  "blockquote",
  "br",
  "caption",
  "cite",
  "code",
  "col",
  "colgroup",
  "dd",
  "del",
  "details",
  "dfn",
  "div",
  "dl",
  "dt",
  "em",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "i",
  "img",
  "ins",
  "kbd",
  "li",
  "mark",
  "ol",
  "p",
  "picture",
  "pre",
  "q",
  "rp",
  "rt",
  "ruby",
  "s",
  "samp",
  "section",
  "small",
  "source",
  "span",
  "strong",
  "sub",
  "summary",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "time",
  "tr",
  "u",
  "ul",
  "var",
  "wbr",
];

const ALLOWED_ATTR = [
  "href",
  "src",
  "srcset",
  "sizes",
  "alt",
  "title",
  "width",
  "height",
  "colspan",
  "rowspan",
  "headers",
  "scope",
  "datetime",
  "cite",
  "lang",
  "dir",
  "start",
  "reversed",
  "type",
  "media",
  "open",
  "abbr",
];

/** http(s), mailto, tel, and relative or fragment URLs; everything else is dropped. */
const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const SAFE_IMAGE_DATA = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOWED_NAMESPACES: ["http://www.w3.org/1999/xhtml"],
  FORBID_TAGS: [
    "style",
    "script",
    "form",
    "iframe",
    "object",
    "embed",
    "base",
    "meta",
    "link",
    "svg",
    "math",
  ],
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

/** Allows `target` only as set by the hook below (DOMPurify strips unknown attributes first). */
const FINAL_CONFIG: Config = { ...CONFIG, ADD_ATTR: ["target", "rel"] };
const IN_PLACE_CONFIG: Config = { ...FINAL_CONFIG, IN_PLACE: true };

/**
 * A purifier for `win` with Folio's configuration and hooks. Made per call: the core keeps no
 * state between calls, and making one costs little next to sanitizing an article.
 */
function configured(win: Window, config: Config): DOMPurify {
  const purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.setConfig(config);
  purify.addHook("uponSanitizeAttribute", (node, data) => {
    // Images may keep inline data only when it is a real raster image.
    if ((data.attrName === "src" || data.attrName === "srcset") && /^\s*data:/i.test(data.attrValue)) {
      data.keepAttr =
        node.nodeName === "IMG" && data.attrName === "src" && SAFE_IMAGE_DATA.test(data.attrValue);
      data.forceKeepAttr = data.keepAttr ? true : undefined;
    }
    if (data.attrName === "href" && /^\s*data:/i.test(data.attrValue)) data.keepAttr = false;
    // `target` and `rel` are Folio's, never the page's (set below).
    if (data.attrName === "target" || data.attrName === "rel") data.keepAttr = false;
  });
  // Every outside link opens in a new tab without opener or referrer; fragment links and
  // anchors without href carry neither.
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName !== "A") return;
    const href = node.getAttribute("href");
    if (href && !href.startsWith("#")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
  });
  return purify;
}

/**
 * Returns safe HTML for `html`. `win` is the window whose DOM does the parsing: the extension
 * page's own window in the browser, jsdom's window in Node.
 */
export function sanitizeHtml(html: string, win: Window): string {
  return htmlSanitizer(win)(html);
}

/**
 * `sanitizeHtml` for many pieces of one page: the purifier is configured once and kept by the
 * caller (the article view holds one for a render, whose body goes in slice by slice).
 */
export function htmlSanitizer(win: Window): (html: string) => string {
  const purify = configured(win, FINAL_CONFIG);
  return (html) => purify.sanitize(html) as unknown as string;
}

/** Sanitizes an element's children in place (no serialise/parse round trip). */
export function sanitizeInPlace(element: Element, win: Window): void {
  configured(win, IN_PLACE_CONFIG).sanitize(element);
}

/**
 * Elements the sanitizer removes together with their content: DOMPurify's FORBID_CONTENTS that
 * the allow-list above does not allow, and every element outside HTML's namespace (SVG, MathML).
 * Text counted on HTML that is not sanitized yet skips them, and so is the text of the HTML
 * once it is. Written out rather than filtered from the allow-list, so that the content script
 * (which counts that text and never sanitizes) does not carry the allow-list; a unit test
 * (sanitize.test.ts) checks the two agree with what the sanitizer does.
 */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  "annotation-xml",
  "audio",
  "desc",
  "foreignobject",
  "head",
  "iframe",
  "math",
  "mi",
  "mn",
  "mo",
  "ms",
  "mtext",
  "noembed",
  "noframes",
  "noscript",
  "plaintext",
  "script",
  "selectedcontent",
  "style",
  "svg",
  "template",
  "title",
  "video",
  "xmp",
]);

export function sanitizerDropsContent(el: Element): boolean {
  return el.namespaceURI !== "http://www.w3.org/1999/xhtml" || DROPPED_WITH_CONTENT.has(el.localName);
}
