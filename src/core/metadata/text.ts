/** Small string helpers shared by the metadata readers. No DOM, no globals. */
import { squash, squashOrNull } from "../whitespace.ts";

/** HTML's names for U+00A0 to U+00FF, in code point order (Latin-1: "&oacute;", "&szlig;"). */
const LATIN1_NAMES =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(LATIN1_NAMES.split(" ").map((name, i) => [name, String.fromCharCode(0xa0 + i)])),
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  bull: "•",
  trade: "™",
};

function codePointToString(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
  return String.fromCodePoint(code);
}

/**
 * Decodes HTML entities left in metadata strings. The DOM already decodes attribute values
 * once, but many sites escape twice (`&amp;#8217;`) and JSON-LD strings are never decoded.
 * Unknown or malformed entities are left as written.
 */
export function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(
    /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,8})|([a-zA-Z][a-zA-Z0-9]{1,7}));/g,
    (whole, dec, hex, name) => {
      if (dec !== undefined) return codePointToString(Number.parseInt(dec, 10));
      if (hex !== undefined) return codePointToString(Number.parseInt(hex, 16));
      return NAMED_ENTITIES[name as string] ?? whole;
    },
  );
}

/** A metadata value as text: entities decoded, whitespace squashed; null when nothing is left. */
export function decodedText(value: unknown): string | null {
  return typeof value === "string" ? squashOrNull(decodeEntities(value)) : null;
}

/** True for absolute URLs and bare host/path strings such as `www.facebook.com/xyz`. */
export function isUrlLike(value: string): boolean {
  const v = value.trim();
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ||
    /^\/\//.test(v) ||
    /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*$/i.test(v) ||
    /^www\.\S+$/i.test(v) ||
    /^mailto:/i.test(v)
  );
}

/** Resolves `href` against `base`; null when it is not an http(s) URL afterwards. */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (trimmed === "") return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Lower-cased, whitespace-collapsed, punctuation-light form used to compare two strings. */
export function comparable(value: string): string {
  return squash(value)
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[–—―]/g, "-");
}

/** Class names for text meant only for screen readers ("Image caption, "). */
const SCREEN_READER_ONLY =
  /(?:^|[\s_-])(?:visually-?hidden|visuallyhidden|sr-only|screen-reader(?:-text|-only)?|u-vh|offscreen|a11y-hidden)(?:$|\s)/i;

const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

/**
 * A text printed twice in a row says it once: a figure's caption often holds a desktop and a
 * mobile copy of itself ("Dawn over the harbour. Dawn over the harbour.").
 */
export function onceIfDoubled(value: string): string {
  const text = squash(value);
  const half = (text.length - 1) / 2;
  if (
    text.length >= 10 &&
    Number.isInteger(half) &&
    text[half] === " " &&
    text.slice(0, half) === text.slice(half + 1)
  ) {
    return text.slice(0, half);
  }
  return text;
}

/**
 * The text a reader sees in `el`: screen-reader-only text, `hidden` elements, scripts and
 * styles left out; block elements (div, p, li, br...) start a new line, so "By Jane Doe" and
 * "Staff writer" in sibling blocks do not run together. Not collapsed: callers decide.
 */
export function visibleText(el: Element): string {
  let out = "";
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.localName;
    if (tag === "script" || tag === "style" || tag === "template" || tag === "noscript") return;
    // Ruby annotations (the reading of Japanese kanji printed small above them) are not the text.
    if (/^r[tp]$/.test(tag)) return;
    if (element.hasAttribute("hidden") || SCREEN_READER_ONLY.test(element.getAttribute("class") ?? ""))
      return;
    const block = BLOCK.has(tag);
    if (block) out += "\n";
    for (const child of Array.from(element.childNodes)) visit(child);
    if (block) out += "\n";
  };
  for (const child of Array.from(el.childNodes)) visit(child);
  return out;
}
