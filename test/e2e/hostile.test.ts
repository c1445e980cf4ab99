/**
 * A page that attacks whoever renders its article (test/fixtures/site/hostile.html): script
 * tags, on* handlers, javascript:/data: URLs, SVG and MathML tricks, iframes, objects, forms,
 * meta refresh, base, style. Its payloads act only outside http: pages, i.e. in the extension,
 * where they would set window.__pwned / data-pwned, write storage.local.pwned and alert().
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { attach, clickAction, findTarget, SITE_DIR, settledState, waitFor } from "./harness.ts";
import { describeE2E, useFolio } from "./suite.ts";

declare const chrome: import("webextension-polyfill").Browser;

describeE2E("hostile page (Chromium)", () => {
  const folio = useFolio();

  it("renders the article text and runs nothing, navigates nowhere", async () => {
    const f = folio();
    const page = await f.open("hostile.html");
    const pageUrl = page.url();
    const pagesBefore = f.browser.context.pages().length;

    await clickAction(f.browser.cdp, f.id, page);
    const target = await findTarget(f.browser.cdp, `chrome-extension://${f.id}/src/popup/index.html`);
    const popup = await attach(f.browser.cdp, target.targetId, target.url);
    // Listen for dialogs before the article arrives.
    const dialogs: string[] = [];
    popup.on("Page.javascriptDialogOpening", (p) => dialogs.push(String(p.message)));
    await popup.send("Page.enable");
    expect(await settledState(popup)).toBe("ready");
    await waitFor(
      () => popup.evaluate<boolean>(`document.documentElement.dataset.rendered === "complete"`),
      10_000,
      "body",
    );
    // Give late handlers (image errors, toggles, animations, refreshes) time to fire.
    await new Promise((r) => setTimeout(r, 1_000));

    const report = await popup.evaluate<{
      url: string;
      pwned: unknown;
      rootMark: string | null;
      title: string;
      body: string;
      forbidden: string[];
      handlers: string[];
      badUrls: string[];
      openerLinks: number;
      articleShown: boolean;
    }>(`(() => {
      const main = document.querySelector("main");
      const forbidden = [...main.querySelectorAll(
        "script, iframe, frame, frameset, object, embed, form, input, button, textarea, select, base, meta, link, style, svg, math, template, noscript, video, audio"
      )].map((e) => e.localName);
      const handlers = [];
      const badUrls = [];
      for (const el of document.querySelectorAll("*")) {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) handlers.push(el.localName + "[" + a.name + "]");
          if (/^(href|src|srcset|action|formaction|data|xlink:href|poster|background)$/i.test(a.name)
              && /^\\s*(javascript|vbscript|data:(?!image\\/(png|gif|jpe?g|webp|avif);))/i.test(a.value))
            badUrls.push(el.localName + "[" + a.name + "]=" + a.value.slice(0, 30));
          if (a.name === "style" && /url\\(|expression/i.test(a.value)) badUrls.push(el.localName + "[style]");
        }
      }
      const openerLinks = [...main.querySelectorAll("a[href]")].filter(
        (a) => a.target !== "_blank" || !/noopener/.test(a.rel) || !/noreferrer/.test(a.rel),
      ).length;
      const article = document.querySelector(".folio-article");
      return {
        url: location.href,
        pwned: window.__pwned ?? null,
        rootMark: document.documentElement.getAttribute("data-pwned"),
        title: document.querySelector(".folio-title").textContent,
        body: document.querySelector(".folio-body").textContent,
        forbidden, handlers, badUrls, openerLinks,
        articleShown: !!article && getComputedStyle(article).display !== "none",
      };
    })()`);

    expect(report.url).toBe(target.url); // the popup was not navigated (refresh, base, forms, links)
    expect(report.pwned).toBeNull();
    expect(report.rootMark).toBeNull();
    expect(dialogs).toEqual([]);
    expect(report.title).toBe("The Uninvited Guest: A Field Guide to Hostile Markup");
    expect(report.body).toContain("The last paragraph is plain");
    expect(report.forbidden).toEqual([]);
    expect(report.handlers).toEqual([]);
    expect(report.badUrls).toEqual([]);
    expect(report.openerLinks).toBe(0);
    expect(report.articleShown).toBe(true); // the page's <style> did not reach the popup

    // No privileged code ran: the extension's storage is untouched.
    const stored = await f.worker.evaluate(() => chrome.storage.local.get(null));
    expect(stored).toEqual({});
    // Nothing navigated the page or opened tabs.
    expect(page.url()).toBe(pageUrl);
    expect(f.browser.context.pages().length).toBe(pagesBefore);

    // The reader tab is the same renderer: open it from the popup and check it too.
    const readerPage = f.browser.context.waitForEvent("page", (p) =>
      p.url().includes("/src/reader/index.html"),
    );
    await popup.evaluate(`document.getElementById("folio-open").click()`);
    const reader = await readerPage;
    const readerDialogs: string[] = [];
    reader.on("dialog", (d) => {
      readerDialogs.push(d.message());
      void d.dismiss();
    });
    await reader.waitForFunction(() => document.documentElement.dataset.rendered === "complete");
    await reader.waitForTimeout(500);
    const readerReport = await reader.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      rootMark: document.documentElement.getAttribute("data-pwned"),
      scripts: document.querySelectorAll("main script, main iframe, main form, main svg, main math").length,
      handlers: [...document.querySelectorAll("main *")].filter((e) =>
        [...e.attributes].some((a) => /^on/i.test(a.name)),
      ).length,
    }));
    expect(readerReport).toEqual({ pwned: null, rootMark: null, scripts: 0, handlers: 0 });
    expect(readerDialogs).toEqual([]);
    await reader.close();
    await popup.detach();
    await page.close();
  });

  it("sanitizes again in the extension page: a raw hostile article handed to the reader stays inert", async () => {
    const f = folio();
    // As if the core had let everything through: the page's raw markup as the article body,
    // hostile metadata around it. Only the UI's own sanitizer stands between it and the DOM.
    const raw = readFileSync(join(SITE_DIR, "hostile.html"), "utf8");
    const content = raw.slice(raw.indexOf("<article>"), raw.indexOf("</article>") + "</article>".length);
    const article = {
      url: "javascript:alert(1)",
      title: '<img src=x onerror="window.__pwned=1">Hostile',
      subtitle: "<script>window.__pwned=1</script>",
      byline: '<svg onload="window.__pwned=1">',
      authors: [],
      siteName: "<b>site</b>",
      publishedTime: "not a date",
      modifiedTime: null,
      lang: 'en" onfocus="x',
      dir: "ltr",
      excerpt: null,
      leadImage: { url: "javascript:window.__pwned=1", alt: '"><script>', caption: "<i>cap</i>" },
      content,
      textContent: "",
      markdown: null,
      wordCount: 1,
      readingTimeMinutes: 1,
      readerable: true,
      removed: [{ kind: "ad", reason: "<img src=x onerror=window.__pwned=1>", text: "<script>x</script>" }],
    };
    await f.worker.evaluate(
      (a) => chrome.storage.session.set({ "reader:raw-hostile": { article: a, at: Date.now() } }),
      article,
    );
    const reader = await f.open(`chrome-extension://${f.id}/src/reader/index.html?id=raw-hostile`);
    const dialogs: string[] = [];
    reader.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await reader.waitForFunction(() => document.documentElement.dataset.rendered === "complete");
    await reader.waitForTimeout(1_000);
    const report = await reader.evaluate(() => {
      const main = document.querySelector("main") as HTMLElement;
      return {
        url: location.href,
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        rootMark: document.documentElement.getAttribute("data-pwned"),
        forbidden: [
          ...main.querySelectorAll(
            "script, iframe, object, embed, form, input, button, base, meta, link, style, svg, math, template, noscript",
          ),
        ].map((e) => e.localName),
        handlers: [...document.querySelectorAll("*")].flatMap((e) =>
          [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`),
        ),
        jsUrls: [...main.querySelectorAll("[href], [src]")].filter((e) =>
          /^\s*(javascript|data:text)/i.test(e.getAttribute("href") ?? e.getAttribute("src") ?? ""),
        ).length,
        original: document.querySelector(".folio-original"),
        title: document.querySelector(".folio-title")?.textContent,
        body: document.querySelector(".folio-body")?.textContent ?? "",
      };
    });
    expect(report.url).toContain("?id=raw-hostile");
    expect(report.pwned).toBeNull();
    expect(report.rootMark).toBeNull();
    expect(dialogs).toEqual([]);
    expect(report.forbidden).toEqual([]);
    expect(report.handlers).toEqual([]);
    expect(report.jsUrls).toBe(0);
    expect(report.original).toBeNull(); // a javascript: article URL gets no link
    expect(report.title).toBe('<img src=x onerror="window.__pwned=1">Hostile'); // shown as text
    expect(report.body).toContain("The last paragraph is plain");
    await reader.close();
  });
});
