/**
 * What the reader is told after a save: the popup and the reader tab show it in their bar, the
 * background puts it in the toolbar button's tooltip behind a badge (badge.ts). Pure.
 */
import type { SaveReply } from "./messages.ts";

export const SAVED_TEXT = "Saved to your library";
export const UPDATED_TEXT = "Already in your library: updated";

/** The line for a save's reply: `ok` false when nothing was saved (the message says why). */
export function saveText(reply: SaveReply): { ok: boolean; text: string } {
  if (reply.ok) return { ok: true, text: reply.status === "updated" ? UPDATED_TEXT : SAVED_TEXT };
  return { ok: false, text: reply.error.message || "Folio could not save this article." };
}
