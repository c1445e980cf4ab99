/**
 * Reading settings: theme, font, text size, width, line spacing and alignment. Stored in `storage.sync` (so they follow
 * the user across devices), mirrored in `localStorage` so the next popup paints in the right
 * theme before storage answers, and applied as data attributes on the root element; the CSS
 * does the rest.
 */
import type Browser from "webextension-polyfill";

export const THEMES = ["auto", "light", "sepia", "dark"] as const;
/** `dyslexic`: OpenDyslexic, bundled (fonts.css). */
export const FONTS = ["serif", "sans", "dyslexic"] as const;
export const WIDTHS = ["narrow", "medium", "wide"] as const;
export const SPACINGS = ["compact", "normal", "loose"] as const;
export const ALIGNS = ["start", "justify"] as const;
export const SIZES = [14, 15, 16, 17, 18, 20, 22, 24] as const;

export type Theme = (typeof THEMES)[number];
export type Font = (typeof FONTS)[number];
export type Width = (typeof WIDTHS)[number];
export type Spacing = (typeof SPACINGS)[number];
export type Align = (typeof ALIGNS)[number];

export interface Settings {
  theme: Theme;
  font: Font;
  /** Body text size in CSS pixels, one of SIZES. */
  size: number;
  width: Width;
  /** Line height of the article. */
  spacing: Spacing;
  /** `justify`: both edges of the body's paragraphs straight (hyphenated). */
  align: Align;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: "auto",
  font: "serif",
  size: 17,
  width: "medium",
  spacing: "normal",
  align: "start",
};

const KEY = "settings";

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Any stored value, made valid (unknown or missing fields take the defaults). */
export function normalize(value: unknown): Settings {
  const v = (typeof value === "object" && value !== null ? value : {}) as Partial<
    Record<keyof Settings, unknown>
  >;
  const size =
    typeof v.size === "number" && (SIZES as readonly number[]).includes(v.size)
      ? v.size
      : DEFAULT_SETTINGS.size;
  return {
    theme: pick(THEMES, v.theme, DEFAULT_SETTINGS.theme),
    font: pick(FONTS, v.font, DEFAULT_SETTINGS.font),
    size,
    width: pick(WIDTHS, v.width, DEFAULT_SETTINGS.width),
    spacing: pick(SPACINGS, v.spacing, DEFAULT_SETTINGS.spacing),
    align: pick(ALIGNS, v.align, DEFAULT_SETTINGS.align),
  };
}

/** Settings from the local mirror: synchronous, for the first paint. */
export function cachedSettings(): Settings {
  try {
    return normalize(JSON.parse(localStorage.getItem(KEY) ?? "null"));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function loadSettings(storage: Browser.Storage.Static): Promise<Settings> {
  try {
    const stored = await storage.sync.get(KEY);
    const settings = normalize(stored[KEY]);
    mirror(settings);
    return settings;
  } catch {
    return cachedSettings();
  }
}

export async function saveSettings(storage: Browser.Storage.Static, settings: Settings): Promise<void> {
  mirror(settings);
  await storage.sync.set({ [KEY]: settings });
}

function mirror(settings: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // No local storage (private context): the sync copy is enough.
  }
}

/** Calls `onChange` when another page (popup, reader tab, another device) changes them. */
export function watchSettings(storage: Browser.Storage.Static, onChange: (s: Settings) => void): void {
  storage.onChanged.addListener((changes, area) => {
    if (area === "sync" && KEY in changes) {
      const settings = normalize(changes[KEY].newValue);
      mirror(settings);
      onChange(settings);
    }
  });
}

export function applySettings(root: HTMLElement, settings: Settings): void {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.width = settings.width;
  root.dataset.spacing = settings.spacing;
  root.dataset.align = settings.align;
  root.style.setProperty("--folio-size", `${settings.size}px`);
}
