/**
 * Bytes of a saved or fetched page to text, as a browser decides: a byte-order mark first,
 * then the HTTP charset (when fetched), then `<meta charset>` / `http-equiv` in the first
 * 2 KB, then UTF-8 when the bytes are valid UTF-8, else windows-1252.
 */

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

function metaEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  return m?.[1] ?? null;
}

function supported(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

/** Decodes page bytes; `headerCharset` is the charset of an HTTP Content-Type, if any. */
export function decodePage(bytes: Uint8Array, headerCharset?: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = supported(headerCharset) ?? supported(metaEncoding(bytes));
  // Undeclared pages are UTF-8 when they are valid UTF-8; a page that declares UTF-8 keeps it
  // (invalid bytes become U+FFFD, as in a browser); anything else undeclared is windows-1252.
  if (declared && declared !== "utf-8") return new TextDecoder(declared).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(declared === "utf-8" ? "utf-8" : "windows-1252").decode(bytes);
  }
}
