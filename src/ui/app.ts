/**
 * The page controller shared by the popup and the reader tab: states on the root element
 * (`data-state`), the article view, the actions (Copy as Markdown, Open in a tab) and the
 * settings. Each page only says where its article comes from.
 */
import browser from "webextension-polyfill";
import type { Article } from "../core/types.ts";
import { afterPaint, renderArticle } from "./article-view.ts";
import type { Outcome, ViewState } from "./outcome.ts";
import { applySettings, cachedSettings, loadSettings, type Settings, saveSettings, watchSettings } from "./settings.ts";
import { createSettingsPanel } from "./settings-panel.ts";
import { renderLoading, renderMessage } from "./states.ts";

export interface AppConfig {
  /** Gets the article; `force` is true after "Show anyway". */
  load: (force: boolean) => Promise<Outcome>;
  /** Opens the article in a reader tab (the popup has it; the reader tab does not). */
  openInTab?: (article: Article) => Promise<void>;
}

/** Name of the performance mark set once the first screen of the article has been painted. */
export const PAINTED_MARK = "article-painted";

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`#${id} missing from the page`);
  return node as T;
}

async function copyText(doc: Document, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older engines or a lost user activation: the selection route still works in a click.
    const area = doc.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "folio-offscreen";
    doc.body.append(area);
    area.select();
    const ok = doc.execCommand("copy");
    area.remove();
    if (!ok) throw new Error("copy refused");
  }
}

export function startApp(config: AppConfig, doc: Document = document): void {
  const root = doc.documentElement;
  let settings: Settings = cachedSettings();
  applySettings(root, settings);

  const main = byId(doc, "folio-main");
  const copyButton = byId<HTMLButtonElement>(doc, "folio-copy");
  const openButton = doc.getElementById("folio-open") as HTMLButtonElement | null;
  const settingsButton = byId<HTMLButtonElement>(doc, "folio-settings-toggle");
  const settingsHost = byId(doc, "folio-settings-host");
  const status = byId(doc, "folio-status");

  let article: Article | null = null;
  let markdown: string | null = null;
  let run = 0;

  const panel = createSettingsPanel(doc, settings, (next) => {
    settings = next;
    applySettings(root, next);
    void saveSettings(browser.storage, next);
  });
  settingsHost.append(panel.element);
  const setSettings = (next: Settings) => {
    settings = next;
    applySettings(root, next);
    panel.update(next);
  };
  void loadSettings(browser.storage).then(setSettings);
  watchSettings(browser.storage, setSettings);

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
  const say = (text: string) => {
    status.textContent = text;
    clearTimeout(statusTimer);
    statusTimer = window.setTimeout(() => {
      status.textContent = "";
    }, 2500);
  };

  copyButton.addEventListener("click", async () => {
    if (!article) return;
    try {
      if (markdown === null) {
        const { toMarkdown } = await import("../core/markdown.ts");
        markdown = toMarkdown(article);
      }
      await copyText(doc, markdown);
      say("Copied as Markdown");
    } catch (error) {
      say(`Couldn't copy: ${String(error)}`);
    }
  });

  openButton?.addEventListener("click", async () => {
    if (!article || !config.openInTab) return;
    try {
      await config.openInTab(article);
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
  };

  const show = (outcome: Outcome, force: boolean) => {
    if (outcome.state === "ready") {
      article = outcome.article;
      markdown = null;
      performance.mark("folio-render-start");
      const rendered = renderArticle(main, article);
      performance.mark("folio-first-screen");
      delete root.dataset.rendered;
      setState("ready");
      doc.title = `${article.title} · Folio`;
      void afterPaint(window).then(() => performance.mark(PAINTED_MARK));
      void rendered.complete.then(() => {
        root.dataset.rendered = "complete";
      });
      return;
    }
    article = null;
    const action =
      outcome.state === "not-article"
        ? { label: "Show anyway", run: () => void load(true) }
        : outcome.state === "error"
          ? { label: "Try again", run: () => void load(force) }
          : undefined;
    const button = renderMessage(main, outcome, action);
    setState(outcome.state);
    button?.focus();
  };

  const load = async (force: boolean) => {
    const mine = ++run;
    setState("loading");
    renderLoading(main);
    let outcome: Outcome;
    try {
      outcome = await config.load(force);
      performance.mark("folio-load-end");
    } catch (error) {
      outcome = { state: "error", title: "Something went wrong", message: String(error) };
    }
    if (mine === run) show(outcome, force);
  };

  void load(false);
}
