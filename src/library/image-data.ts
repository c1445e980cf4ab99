/**
 * What an image kept offline may be, checked on its bytes: the limits, the formats (found by
 * their signature, never by what a server or a file says), and base64 both ways (backups,
 * data: URLs). No DOM, no extension API: the background, the pages and Node share it.
 *
 * Only pictures are kept: PNG, JPEG, GIF, WebP, AVIF, and SVG that holds no script, handler or
 * `javascript:` address. Folio shows a kept image only through `<img>` (where an SVG's scripts
 * never run) and never puts SVG markup into a page; the script-free rule is for the copies
 * that leave Folio (an SVG file in a zip opens as a document when double-clicked).
 */

/** The limits of images kept offline. */
export const IMAGE_LIMITS = {
  /** Bytes of images one article may keep: past this, the rest stay online (and the library says so). */
  perArticleBytes: 20 * 1024 * 1024,
  /** The largest image kept. */
  perImageBytes: 8 * 1024 * 1024,
  /** The most images of one article that are looked at. */
  perArticleCount: 200,
  /** How long one image may take to arrive. */
  timeoutMs: 15_000,
  /** Images fetched at once. */
  concurrency: 4,
} as const;

/** The formats kept, by MIME type. */
export const IMAGE_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/svg+xml",
];

const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/svg+xml": "svg",
};

/** The file extension for a kept image's type. */
export function imageExtension(type: string): string {
  return EXTENSIONS[type] ?? "img";
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** Characters of an SVG file's start read to find its `<svg` element. */
const SVG_HEAD = 4096;
/** What an SVG kept offline may not hold. */
const SVG_ACTIVE = /<script|<foreignobject|\son[a-z]+\s*=|javascript:|<!entity/i;

function svgType(bytes: Uint8Array): string | null {
  let head = new TextDecoder().decode(bytes.subarray(0, SVG_HEAD)).replace(/^\uFEFF/, "");
  // The XML declaration, comments, processing instructions and a doctype may come first.
  head = head.replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i, "");
  if (!/^<svg[\s>]/i.test(head)) return null;
  return SVG_ACTIVE.test(new TextDecoder().decode(bytes)) ? null : "image/svg+xml";
}

/** The image format of `bytes` by its signature, or null when it is not one that is kept. */
export function sniffImage(bytes: Uint8Array): string | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0x89 && ascii(bytes, 1, 4) === "PNG") return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (ascii(bytes, 0, 4) === "GIF8") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  if (ascii(bytes, 4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(bytes, 8, 12))) return "image/avif";
  return svgType(bytes);
}

/** `bytes` in base64. */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  // In pieces: String.fromCharCode takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

/** The bytes of base64 `text`, or null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The bytes base64 text of `length` characters decodes to, at most. */
export const base64Bytes = (length: number): number => Math.floor((length * 3) / 4);

/** A `data:` URL of a kept image (the HTML export embeds them). */
export async function imageDataUrl(blob: Blob): Promise<string> {
  return `data:${blob.type};base64,${toBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}
