/**
 * The "Cleaned: …" line under an article: what the cleanup removed, counted by kind, in the
 * order readers care about.
 */
import type { Removal, RemovalKind } from "../core/types.ts";
import { formatNumber } from "../library/format.ts";

/** How each kind of removal is named in the summary: singular, plural. */
const KIND_NAMES: Record<RemovalKind, [string, string]> = {
  ad: ["ad", "ads"],
  "ad-label": ["ad label", "ad labels"],
  promo: ["promo", "promos"],
  caption: ["repeated caption", "repeated captions"],
  credit: ["photo credit", "photo credits"],
  "lazy-image": ["image placeholder", "image placeholders"],
  headline: ["repeated header line", "repeated header lines"],
  hidden: ["hidden text", "hidden texts"],
  empty: ["empty block", "empty blocks"],
};

export function kindName(kind: RemovalKind, count = 1): string {
  const names = KIND_NAMES[kind] ?? [kind, `${kind}s`];
  return count === 1 ? names[0] : names[1];
}

/** The order of kinds in the summary: what readers care about most first. */
const KIND_ORDER = Object.keys(KIND_NAMES) as RemovalKind[];

/** "Cleaned: 3 ads, 1 repeated caption, 1 promo", or null when nothing was removed. */
export function cleanedSummary(removed: readonly Removal[], locale?: string): string | null {
  if (removed.length === 0) return null;
  const counts = new Map<RemovalKind, number>();
  for (const r of removed) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const rank = (kind: RemovalKind) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  const parts = [...counts]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([kind, n]) => `${formatNumber(n, locale)} ${kindName(kind, n)}`);
  return `Cleaned: ${parts.join(", ")}`;
}
