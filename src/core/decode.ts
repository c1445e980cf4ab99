/**
 * Page bytes to text as a browser decides: the command line and the benchmarks (Node), and the
 * library's fetching of link-only entries (library/fetch/), which gets bytes and the
 * Content-Type header, not a document. Pure: TextDecoder only, no Node module.
 */

export interface DecodedHtml {
  text: string;
  /** WHATWG encoding name used. */
  encoding: string;
  /** Which rule picked it. */
  from: "bom" | "meta" | "utf-8" | "fallback";
}

const PRESCAN_BYTES = 2048;

/**
 * BOM, then the HTTP charset (when fetched), then a `<meta charset>` / `<meta http-equiv=content-type content="...charset=...">` in the
 * first ~2 KB, then UTF-8 if the bytes are valid UTF-8, else windows-1252. A declared label the
 * runtime does not know is ignored. As in browsers, a declared UTF-16 means UTF-8 (the bytes were
 * evidently ASCII-compatible to carry the declaration) and a declared encoding is honoured even
 * when the bytes are invalid in it (UTF-8 then yields U+FFFD).
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", from: "bom" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", from: "bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", from: "bom" };
  }
  const fromHeader = headerCharset ? encodingName(headerCharset) : null;
  const declared = fromHeader ?? declaredEncoding(bytes.subarray(0, PRESCAN_BYTES));
  if (declared) {
    const encoding = declared === "utf-16le" || declared === "utf-16be" ? "utf-8" : declared;
    return { text: new TextDecoder(encoding).decode(bytes), encoding, from: "meta" };
  }
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encoding: "utf-8",
      from: "utf-8",
    };
  } catch {
    return {
      text: new TextDecoder("windows-1252").decode(bytes),
      encoding: "windows-1252",
      from: "fallback",
    };
  }
}

/** The WHATWG name of the encoding declared by a `<meta>` in `head`, or null. */
export function declaredEncoding(head: Uint8Array): string | null {
  // windows-1252 keeps one char per byte, so ASCII markup is readable whatever the real encoding.
  const text = new TextDecoder("windows-1252").decode(head).replace(/<!--[\s\S]*?-->/g, "");
  for (const meta of text.match(/<meta\b[^>]*>/gi) ?? []) {
    const attrs = parseAttributes(meta);
    let label = attrs.get("charset");
    if (label === undefined && attrs.get("http-equiv")?.toLowerCase() === "content-type") {
      label = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attrs.get("content") ?? "")?.[1];
    }
    if (!label) continue;
    const name = encodingName(label);
    if (name) return name;
  }
  return null;
}

function parseAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of tag.slice(5).matchAll(re)) {
    const key = m[1]!.toLowerCase();
    if (!attrs.has(key)) attrs.set(key, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** The WHATWG encoding name for a label, or null when the runtime does not know it. */
function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}
