/**
 * Reading progress in the reader tab: a thin bar along the bottom of the toolbar and the time
 * left ("4 min left"), from how far the article has been scrolled. The arithmetic is pure and
 * exported for the unit tests.
 */
import type { Article } from "../core/types.ts";

/** How far through `article` the window is, 0 to 1: its top at the window's top is 0, its end in view is 1. */
export function readFraction(articleTop: number, articleHeight: number, viewportHeight: number): number {
  const scrollable = articleHeight - viewportHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, -articleTop / scrollable));
}

/** "4 min left", "under 1 min left", "Finished". */
export function timeLeft(minutes: number, fraction: number): string {
  if (fraction >= 0.995) return "Finished";
  const left = Math.ceil(minutes * (1 - fraction));
  return left < 1 || minutes < 1 ? "under 1 min left" : `${left} min left`;
}

export interface Progress {
  /** The current fraction (0 to 1). */
  fraction(): number;
  dispose(): void;
}

/**
 * Shows the progress of `article` (its element `view`) in `bar`, the page's toolbar, and keeps
 * it up to date while the window scrolls or resizes.
 */
export function trackProgress(bar: HTMLElement, view: HTMLElement, article: Article): Progress {
  const doc = bar.ownerDocument;
  const win = doc.defaultView as Window;
  const track = doc.createElement("div");
  track.className = "folio-progress";
  track.setAttribute("role", "progressbar");
  track.setAttribute("aria-label", "Reading progress");
  track.setAttribute("aria-valuemin", "0");
  track.setAttribute("aria-valuemax", "100");
  const fill = doc.createElement("div");
  fill.className = "folio-progress-fill";
  track.append(fill);
  const left = doc.createElement("span");
  left.className = "folio-time-left";
  left.setAttribute("aria-live", "off");
  bar.append(track);
  bar.querySelector(".folio-brand")?.after(left);

  let current = 0;
  let frame = 0;
  const update = () => {
    frame = 0;
    const box = view.getBoundingClientRect();
    // The toolbar covers the top of the window: what is read is what went under it.
    const under = bar.getBoundingClientRect().bottom;
    current = readFraction(box.top - under, box.height, win.innerHeight - under);
    const percent = Math.round(current * 100);
    fill.style.transform = `scaleX(${current})`;
    track.setAttribute("aria-valuenow", String(percent));
    left.textContent = timeLeft(article.readingTimeMinutes, current);
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(update);
  };
  win.addEventListener("scroll", schedule, { passive: true });
  win.addEventListener("resize", schedule);
  // The body arrives in slices and images load: the article's height changes without a scroll.
  const observer = new ResizeObserver(schedule);
  observer.observe(view);
  update();
  return {
    fraction: () => current,
    dispose: () => {
      win.removeEventListener("scroll", schedule);
      win.removeEventListener("resize", schedule);
      observer.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
      track.remove();
      left.remove();
    },
  };
}
