/**
 * Whether an image source shows a picture or a stand-in. Shared by the lazy-image pass (which
 * replaces or drops stand-ins) and the content guard (which protects real pictures only).
 */

const PLACEHOLDER_BASENAME =
  /^(?:blank|spacer|placeholder|transparent|pixel|lazy|loading|grey|gray|empty|dummy|1x1)(?:[-_.]?(?:image|img|pixel|\d+(?:x\d+)?))*$/i;
const PLACEHOLDER_NAME =
  /(?:^|[/_.-])(?:blank|spacer|placeholder|transparent|pixel|lazy|loading|grey|gray|empty|dummy|1x1)(?:[/_.-]|$)/i;

/** True when `src` is missing or is a stand-in rather than the picture. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (!src?.trim() || src === "null" || src === "about:blank") return true;
  const value = src.trim();
  if (/^data:/i.test(value)) {
    // Inline SVG or GIF stand-ins, and any inline image under ~100 bytes, are placeholders.
    if (/^data:image\/(?:svg\+xml|gif)/i.test(value)) return true;
    return value.length < 200;
  }
  const path = value.split(/[?#]/)[0] ?? "";
  // GIF and SVG stand-ins say so anywhere in their path; a photo only when its whole name is
  // a stand-in word ("blank.png" yes, "empty-shelves.jpg" or "grey-seal.jpg" no).
  if (/\.(?:gif|svg)$/i.test(path)) return PLACEHOLDER_NAME.test(path) || /\b1x1\b/.test(value);
  const base = (path.split("/").pop() ?? "").replace(/\.[a-z0-9]+$/i, "");
  return PLACEHOLDER_BASENAME.test(base);
}
