/**
 * What the reader is told after a save: the popup and the reader tab show it in their bar, the
 * background puts it in the toolbar button's tooltip behind a badge. Pure, for unit tests.
 */
import type { SaveReply } from "../messages.ts";

export const SAVED_TEXT = "Saved to your library";
export const UPDATED_TEXT = "Already in your library: updated";

/** The line for a save's reply: `ok` false when nothing was saved (the message says why). */
export function saveText(reply: SaveReply): { ok: boolean; text: string } {
  if (reply.ok) return { ok: true, text: reply.status === "updated" ? UPDATED_TEXT : SAVED_TEXT };
  return { ok: false, text: reply.error.message || "Folio could not save this article." };
}

export interface BadgeState {
  /** The badge: "✓" saved, "!" not saved. */
  text: string;
  color: string;
  /** The toolbar button's tooltip while the badge shows: what happened, in full. */
  title: string;
  /** When to clear the badge and the tooltip, in ms. */
  clearAfterMs: number;
}

export const BADGE_OK_MS = 4_000;
export const BADGE_FAILED_MS = 20_000;

/** The badge for a save started from the context menu (nothing else shows its result). */
export function saveBadge(reply: SaveReply): BadgeState {
  const { ok, text } = saveText(reply);
  if (ok && reply.ok) {
    return {
      text: "✓",
      color: "#1e7b34",
      title: `Folio: ${text} (${reply.title})`,
      clearAfterMs: BADGE_OK_MS,
    };
  }
  return {
    text: "!",
    color: "#b3261e",
    title: `Folio could not save this page. ${text}`,
    clearAfterMs: BADGE_FAILED_MS,
  };
}
