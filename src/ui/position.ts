/**
 * Where the reader was in a saved article, remembered and restored (reader tab, `?saved=`).
 *
 * The place is kept as a block of the body and how far into it (not as pixels), so it comes
 * back at the same words after a change of width, font or text size. Positions live in
 * `storage.local` under one key, the most recent {@link MAX_POSITIONS} articles, on this
 * device only (they are not synced and not part of the library's records).
 */
import type Browser from "webextension-polyfill";

export interface Position {
  /** Index of the body's top-level block at the top of the window. */
  block: number;
  /** How far into that block, 0 to 1. */
  offset: number;
  /** When it was written (epoch ms), to keep the most recent. */
  at: number;
  /**
   * How far through the article, 0 to 1: the share of the body scrolled past, 1 when its end
   * is on screen (the library's rows show it). Absent in places kept before it was written.
   */
  progress?: number;
}

export const POSITIONS_KEY = "positions";
const KEY = POSITIONS_KEY;
export const MAX_POSITIONS = 300;

type Positions = Record<string, Position>;

function isPosition(value: unknown): value is Position {
  const v = value as Position;
  return (
    typeof v === "object" &&
    v !== null &&
    Number.isInteger(v.block) &&
    v.block >= 0 &&
    typeof v.offset === "number" &&
    v.offset >= 0 &&
    v.offset <= 1 &&
    typeof v.at === "number" &&
    (v.progress === undefined || (typeof v.progress === "number" && v.progress >= 0 && v.progress <= 1))
  );
}

/** `positions` with `url` set, the oldest dropped past the cap. Pure. */
export function withPosition(positions: Positions, url: string, position: Position, max = MAX_POSITIONS) {
  const next: Positions = { ...positions, [url]: position };
  const urls = Object.keys(next);
  if (urls.length > max) {
    urls.sort((a, b) => next[a].at - next[b].at);
    for (const old of urls.slice(0, urls.length - max)) delete next[old];
  }
  return next;
}

/** The valid places in what `storage.local` holds under {@link POSITIONS_KEY}. Pure. */
export function validPositions(stored: unknown): Positions {
  if (typeof stored !== "object" || stored === null) return {};
  const valid: Positions = {};
  for (const [url, position] of Object.entries(stored)) if (isPosition(position)) valid[url] = position;
  return valid;
}

async function readAll(storage: Browser.Storage.Static): Promise<Positions> {
  return validPositions((await storage.local.get(KEY))[KEY]);
}

/** Every place kept, by article (the library shows how far each was read). Never throws. */
export async function loadPositions(storage: Browser.Storage.Static): Promise<Positions> {
  try {
    return await readAll(storage);
  } catch {
    return {};
  }
}

export async function loadPosition(storage: Browser.Storage.Static, url: string): Promise<Position | null> {
  try {
    return (await readAll(storage))[url] ?? null;
  } catch {
    return null;
  }
}

export async function savePosition(storage: Browser.Storage.Static, url: string, position: Position) {
  try {
    await storage.local.set({ [KEY]: withPosition(await readAll(storage), url, position) });
  } catch {
    // Storage full or gone: the place is not worth an error.
  }
}

/** The block at the top of the reading area (below `top`, the toolbar's bottom) and how far into it. */
export function currentPosition(body: HTMLElement, top: number): Position | null {
  const blocks = body.children;
  const height = body.ownerDocument.defaultView?.innerHeight ?? 0;
  for (let i = 0; i < blocks.length; i++) {
    const box = blocks[i].getBoundingClientRect();
    if (box.bottom > top) {
      const offset = box.height > 0 ? Math.min(1, Math.max(0, (top - box.top) / box.height)) : 0;
      return {
        block: i,
        offset,
        at: Date.now(),
        progress: readProgress(body.getBoundingClientRect(), top, height),
      };
    }
  }
  return null;
}

/**
 * How far through a body whose box is `box` the reader is, with the reading area from `top` to
 * `bottom` (the window's): 0 with the body's start at `top`, 1 with its end on screen. Pure.
 */
export function readProgress(box: { top: number; height: number }, top: number, bottom: number): number {
  const scrollable = box.height - (bottom - top);
  if (scrollable <= 0) return 1;
  return Math.round(Math.min(1, Math.max(0, (top - box.top) / scrollable)) * 1000) / 1000;
}

/** Scrolls the window so that `position` is at `top` (the toolbar's bottom). */
export function scrollToPosition(body: HTMLElement, position: Position, top: number): boolean {
  const block = body.children[position.block];
  if (!block) return false;
  const win = body.ownerDocument.defaultView as Window;
  const box = block.getBoundingClientRect();
  win.scrollTo({ top: win.scrollY + box.top + position.offset * box.height - top, behavior: "instant" });
  return true;
}

/**
 * Restores the place in the article `url` once its body is complete, then remembers it as the
 * reader scrolls (at most once a second, and when the tab is hidden or closed).
 */
export function rememberPosition(
  storage: Browser.Storage.Static,
  url: string,
  body: HTMLElement,
  bar: HTMLElement,
  complete: Promise<void>,
): () => void {
  const win = body.ownerDocument.defaultView as Window;
  const top = () => bar.getBoundingClientRect().bottom;
  let timer = 0;
  let ready = false;
  const write = () => {
    timer = 0;
    const position = currentPosition(body, top());
    if (ready && position) void savePosition(storage, url, position);
  };
  const schedule = () => {
    if (!timer) timer = win.setTimeout(write, 1000);
  };
  const onHide = () => {
    if (body.ownerDocument.visibilityState === "hidden") write();
  };
  // Images above the place load after it is restored and push it down: until the reader
  // scrolls (or for a few seconds), the place is put back whenever the body changes size.
  let pinned: Position | null = null;
  const unpin = () => {
    pinned = null;
    observer.disconnect();
  };
  const observer = new ResizeObserver(() => {
    if (pinned) scrollToPosition(body, pinned, top());
  });
  const intents = ["wheel", "keydown", "pointerdown", "touchstart"] as const;
  for (const intent of intents) win.addEventListener(intent, unpin, { passive: true });
  void (async () => {
    const [saved] = await Promise.all([loadPosition(storage, url), complete]);
    if (saved && win.scrollY === 0 && scrollToPosition(body, saved, top())) {
      pinned = saved;
      observer.observe(body);
      win.setTimeout(unpin, 5000);
    }
    ready = true;
    body.ownerDocument.documentElement.dataset.position = saved ? "restored" : "start";
  })();
  win.addEventListener("scroll", schedule, { passive: true });
  win.addEventListener("pagehide", write);
  body.ownerDocument.addEventListener("visibilitychange", onHide);
  return () => {
    unpin();
    for (const intent of intents) win.removeEventListener(intent, unpin);
    win.removeEventListener("scroll", schedule);
    win.removeEventListener("pagehide", write);
    body.ownerDocument.removeEventListener("visibilitychange", onHide);
    if (timer) win.clearTimeout(timer);
  };
}
