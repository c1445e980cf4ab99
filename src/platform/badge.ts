/**
 * The toolbar button's badge after a save from the context menu (nothing else shows its
 * result): "✓" or "!", with the whole message in the button's tooltip, cleared after a while.
 */
import type Browser from "webextension-polyfill";
import type { SaveReply } from "./messages.ts";
import { saveText } from "./save-text.ts";

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

const timers = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * Shows `badge` on the toolbar button of `tabId`, then puts the button back as it was
 * (no badge, `defaultTitle`). A newer badge on the same tab replaces an older one.
 */
export async function showBadge(
  action: Browser.Action.Static,
  tabId: number,
  badge: BadgeState,
  defaultTitle: string,
): Promise<void> {
  clearTimeout(timers.get(tabId));
  try {
    await Promise.all([
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setBadgeText({ tabId, text: badge.text }),
      action.setTitle({ tabId, title: badge.title }),
    ]);
  } catch {
    return; // The tab closed meanwhile.
  }
  timers.set(
    tabId,
    setTimeout(() => {
      timers.delete(tabId);
      void Promise.all([
        action.setBadgeText({ tabId, text: "" }),
        action.setTitle({ tabId, title: defaultTitle }),
      ]).catch(() => undefined);
    }, badge.clearAfterMs),
  );
}
