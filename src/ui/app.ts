/**
 * The page controller shared by the popup and the reader tab: states on the root element
 * (`data-state`), the article view, the actions (Save, Copy as Markdown, Open in a tab,
 * Library) and the settings. Each page only says where its article comes from and how it
 * saves.
 */
import type Browser from "webextension-polyfill";
import type { Article } from "../core/types.ts";
import { sanitizeHtml } from "../core/sanitize.ts";
import type { SaveReply } from "../platform/messages.ts";
import { ACTION_LABELS, actionOf, type Outcome, type ViewState } from "../platform/read-outcome.ts";
import { saveText } from "../platform/save-text.ts";
import { afterPaint, type LocalImage, type RenderedArticle, renderArticle } from "./article-view.ts";
import {
  applySettings,
  cachedSettings,
  loadSettings,
  type Settings,
  saveSettings,
  watchSettings,
} from "./settings.ts";
import { copyText } from "./clipboard.ts";
import { createSettingsPanel } from "./settings-panel.ts";
import { LONG_READING_MS, renderLoading, renderLongLoading, renderMessage } from "./states.ts";

export interface AppConfig {
  /**
   * Where the reading settings are kept (`storage.sync`, and its changes). The popup passes the
   * browser's own API, so that its first screen loads no polyfill; the reader tab the polyfill's.
   */
  storage: Browser.Storage.Static;
  /** Gets the article; `force` is true after "Show anyway". */
  load: (force: boolean) => Promise<Outcome>;
  /** Opens the article in a reader tab (the popup has it; the reader tab does not). */
  openInTab?: (article: Article) => Promise<void>;
  /**
   * Saves the article to the library; `article.markdown` is made before (this page has the
   * DOM turndown needs). Absent where the article comes from the library itself.
   */
  save?: (article: Article) => Promise<SaveReply>;
  /** Whether the article is already in the library (the Save button then says "Saved"). */
  isSaved?: (article: Article) => Promise<boolean>;
  /** Opens the library page. */
  openLibrary?: () => Promise<void>;
  /**
   * Called once an article is on screen (the reader tab's progress, position, print and read
   * aloud); the function it returns, if any, is called when another state replaces it.
   */
  onReady?: (article: Article, rendered: RenderedArticle) => (() => void) | undefined;
  /** The images of `article` kept offline (a saved article in the reader tab), shown in place. */
  localImages?: (article: Article) => LocalImage | undefined;
}

/** Name of the performance mark set once the first screen of the article has been painted. */
export const PAINTED_MARK = "article-painted";

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`#${id} missing from the page`);
  return node as T;
}

export function startApp(config: AppConfig, doc: Document = document): void {
  const root = doc.documentElement;
  let settings: Settings = cachedSettings();
  applySettings(root, settings);

  const main = byId(doc, "folio-main");
  const copyButton = byId<HTMLButtonElement>(doc, "folio-copy");
  const openButton = doc.getElementById("folio-open") as HTMLButtonElement | null;
  const saveButton = doc.getElementById("folio-save") as HTMLButtonElement | null;
  const libraryButton = doc.getElementById("folio-library") as HTMLButtonElement | null;
  const notice = doc.getElementById("folio-notice");
  const settingsButton = byId<HTMLButtonElement>(doc, "folio-settings-toggle");
  const settingsHost = byId(doc, "folio-settings-host");
  const status = byId(doc, "folio-status");

  let article: Article | null = null;
  let markdown: string | null = null;
  let leave: (() => void) | undefined;
  let finished: { from: Article; article: Article } | null = null;
  let run = 0;

  // storage.onChanged also reports this page's own writes, maybe after the reader changed
  // something else: applying that echo put an older state back (in Firefox, three quick changes
  // lost the text size). Only changes made elsewhere (another page or device) are applied.
  // Writes go one at a time, the newest waiting one next: two writes in flight can land in
  // either order in Firefox's storage.sync, and an older one landing last kept the old size.
  const ownWrites = new Map<string, number>();
  const keyOf = (s: Settings) => JSON.stringify(s);
  let unsaved: Settings | null = null;
  let saving = false;
  const persist = async () => {
    if (saving) return;
    saving = true;
    while (unsaved) {
      const next = unsaved;
      unsaved = null;
      ownWrites.set(keyOf(next), (ownWrites.get(keyOf(next)) ?? 0) + 1);
      await saveSettings(config.storage, next).catch(() => undefined);
    }
    saving = false;
  };
  // The reader's choice here wins, also over stored settings that arrive after it.
  let settingsLoaded = false;
  let chosenHere = false;
  const panel = createSettingsPanel(doc, settings, (next) => {
    settingsLoaded = true;
    chosenHere = true;
    settings = next;
    applySettings(root, next);
    unsaved = next;
    void persist();
  });
  settingsHost.append(panel.element);
  const setSettings = (next: Settings) => {
    settings = next;
    applySettings(root, next);
    panel.update(next);
  };
  // The stored settings (storage.sync) are read after the first paint; the local mirror applied
  // above holds the same unless another device changed them.
  const loadStoredSettings = () => {
    if (settingsLoaded) return;
    settingsLoaded = true;
    void loadSettings(config.storage).then((stored) => {
      if (!chosenHere) setSettings(stored);
    });
  };
  watchSettings(config.storage, (next) => {
    const echoes = ownWrites.get(keyOf(next)) ?? 0;
    if (echoes > 0) {
      if (echoes === 1) ownWrites.delete(keyOf(next));
      else ownWrites.set(keyOf(next), echoes - 1);
      return;
    }
    setSettings(next);
  });

  settingsButton.addEventListener("click", () => {
    const open = settingsHost.hidden;
    settingsHost.hidden = !open;
    settingsButton.setAttribute("aria-expanded", String(open));
    if (open) panel.element.querySelector<HTMLInputElement>("input:checked")?.focus();
  });
  doc.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !settingsHost.hidden) {
      settingsHost.hidden = true;
      settingsButton.setAttribute("aria-expanded", "false");
      settingsButton.focus();
      event.preventDefault();
    }
  });

  let statusTimer = 0;
  const say = (text: string, ms = 2500) => {
    status.textContent = text;
    clearTimeout(statusTimer);
    statusTimer = window.setTimeout(() => {
      status.textContent = "";
    }, ms);
  };

  /** A failure the reader must see whole (not a passing status): stays until the next action. */
  const warn = (text: string | null) => {
    if (!notice) {
      if (text) say(text, 8000);
      return;
    }
    notice.replaceChildren();
    if (text) {
      const p = doc.createElement("p");
      p.textContent = text;
      notice.append(p);
    }
  };

  /**
   * The article as it may leave this page (saved, copied, handed to a reader tab): its HTML
   * sanitized whole, once, when first needed. The page's reading arrives not yet sanitized (the
   * view sanitizes each block right before it shows it); an article that already was, from the
   * library or a hand-off, goes through the same sanitizer again, which changes nothing.
   */
  const finishedOf = (of: Article): Article => {
    if (finished?.from !== of)
      finished = { from: of, article: { ...of, content: sanitizeHtml(of.content, window) } };
    return finished.article;
  };

  /** The article's Markdown: the core's when it made it, else made here once (lazy chunk). */
  const markdownOf = async (of: Article): Promise<string> => {
    if (markdown === null) {
      if (typeof of.markdown === "string") {
        markdown = of.markdown;
      } else {
        const { toMarkdown } = await import("../core/markdown.ts");
        markdown = toMarkdown(finishedOf(of));
      }
    }
    return markdown;
  };

  copyButton.addEventListener("click", async () => {
    if (!article) return;
    try {
      await copyText(doc, await markdownOf(article));
      say("Copied as Markdown");
    } catch (error) {
      say(`Couldn't copy: ${String(error)}`);
    }
  });

  saveButton?.addEventListener("click", async () => {
    const current = article;
    if (!current || !config.save || saveButton.disabled) return;
    saveButton.disabled = true;
    root.dataset.saved = "saving";
    warn(null);
    let reply: SaveReply;
    try {
      reply = await config.save({ ...finishedOf(current), markdown: await markdownOf(current) });
    } catch (error) {
      reply = {
        ok: false,
        error: { kind: "error", message: `Folio could not save this article (${String(error)}). Try again.` },
      };
    }
    saveButton.disabled = false;
    if (article !== current) return;
    const { ok, text } = saveText(reply);
    root.dataset.saved = reply.ok ? reply.status : "failed";
    if (ok) {
      saveButton.textContent = "Saved";
      say(text, 4000);
    } else {
      warn(text);
    }
  });

  libraryButton?.addEventListener("click", async () => {
    try {
      await config.openLibrary?.();
    } catch (error) {
      warn(`Couldn't open the library: ${String(error)}`);
    }
  });
  if (libraryButton) libraryButton.hidden = !config.openLibrary;

  openButton?.addEventListener("click", async () => {
    if (!article || !config.openInTab) return;
    try {
      await config.openInTab(finishedOf(article));
    } catch (error) {
      say(`Couldn't open a tab: ${String(error)}`);
    }
  });

  const setState = (state: ViewState) => {
    root.dataset.state = state;
    main.setAttribute("aria-busy", String(state === "loading"));
    const ready = state === "ready";
    copyButton.hidden = !ready;
    if (openButton) openButton.hidden = !ready || !config.openInTab;
    if (saveButton) saveButton.hidden = !ready || !config.save;
  };

  const show = (outcome: Outcome, force: boolean) => {
    leave?.();
    leave = undefined;
    if (outcome.state === "ready") {
      article = outcome.article;
      markdown = null;
      delete root.dataset.saved;
      delete root.dataset.inLibrary;
      if (saveButton) saveButton.textContent = "Save";
      warn(null);
      performance.mark("folio-render-start");
      const rendered = renderArticle(main, article, window, { localImage: config.localImages?.(article) });
      performance.mark("folio-first-screen");
      delete root.dataset.rendered;
      setState("ready");
      doc.title = `${article.title} · Folio`;
      // What can follow the first paint does: whether the library has it (a message that may
      // start the background), and the stored settings.
      const shown = article;
      void afterPaint(window).then(() => {
        performance.mark(PAINTED_MARK);
        loadStoredSettings();
        if (article !== shown) return;
        void config.isSaved?.(shown).then(
          (saved) => {
            // Only while this article is shown and no save of it has started.
            if (!saved || article !== shown || root.dataset.saved || !saveButton) return;
            root.dataset.inLibrary = "true";
            saveButton.textContent = "Saved";
          },
          () => {},
        );
      });
      void rendered.complete.then(() => {
        root.dataset.rendered = "complete";
      });
      leave = config.onReady?.(article, rendered) ?? undefined;
      return;
    }
    article = null;
    // Only actions that can succeed (outcome.ts): anyway reads with `force`, which also
    // lifts the element limit; Try again repeats the same reading.
    const kind = actionOf(outcome);
    const action = kind
      ? { label: ACTION_LABELS[kind], run: () => void load(kind === "try-again" ? force : true) }
      : undefined;
    const button = renderMessage(main, outcome, action);
    setState(outcome.state);
    button?.focus();
    loadStoredSettings();
  };

  const load = async (force: boolean) => {
    const mine = ++run;
    setState("loading");
    renderLoading(main);
    // A reading that takes more than a moment says so (a long page: a huge comment thread).
    const slow = window.setTimeout(() => {
      if (mine === run && root.dataset.state === "loading") renderLongLoading(main);
    }, LONG_READING_MS);
    let outcome: Outcome;
    try {
      outcome = await config.load(force);
      performance.mark("folio-load-end");
    } catch (error) {
      outcome = { state: "error", title: "Something went wrong", message: String(error) };
    }
    clearTimeout(slow);
    if (mine === run) show(outcome, force);
  };

  void load(false);
}
