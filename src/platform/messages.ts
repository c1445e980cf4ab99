/**
 * Folio's one message protocol. Every message that travels between contexts is listed in
 * `Protocol` with what it carries and what its handler answers; receivers register a handler
 * map (one function per message type) and `dispatch` routes to it. There are two transports:
 *
 * - extension page -> content script: `scripting.executeScript` of the script's file, whose
 *   injection answers one request (content-scripts.ts; no runtime messaging, no host
 *   permission: the activeTab grant is enough);
 * - extension page -> background: `runtime.sendMessage`.
 *
 * Changes to the saved-articles library are not request/reply messages: every writer announces
 * them to every open extension page on a BroadcastChannel (src/library/changes.ts).
 *
 * This module imports browser types only, so Node tests can load it.
 */
import type Browser from "webextension-polyfill";
import type { Article, ExtractResult } from "../core/types.ts";
import type { LibraryErrorKind } from "../library/result.ts";

/** What the content script answers when extraction itself threw. */
export interface ContentFailure {
  ok: false;
  error: { kind: "exception"; message: string };
}

export type ExtractReply = ExtractResult | ContentFailure;

/**
 * The background's answer to `save-article`: `added` (new to the library) or `updated` (the
 * same canonical URL was saved before: updated in place, no duplicate), or why nothing was saved
 * (`no-article`: the page gave no article to save).
 */
export type SaveReply =
  | { ok: true; status: "added" | "updated"; url: string; title: string }
  | { ok: false; error: { kind: LibraryErrorKind | "no-article"; message: string } };

/**
 * The background's answer to `fetch-links`: how many pages were queued, or why nothing was
 * (`no-access`: the reader has not given Folio access to websites).
 */
export type FetchReply =
  | { ok: true; queued: number }
  | { ok: false; error: { kind: "no-access" | "error"; message: string } };

// biome-ignore lint/complexity/noBannedTypes: a message that carries nothing but its type
type NoFields = {};

export interface Protocol {
  /**
   * Page of the extension -> content script: run the core on the live page. By default the
   * article's HTML comes not yet sanitized and without Markdown: the popup and the reader tab
   * sanitize each block right before they show it, and the whole article before it leaves
   * them (ui/app.ts). `markdown: true` returns the finished article, sanitized, with its
   * Markdown (the background asks for it when it saves a page from the context menu: it has
   * no DOM for the sanitizer or turndown).
   */
  extract: { request: { force: boolean; markdown?: boolean }; response: ExtractReply };
  /** Popup -> background: open the full-tab reader with an article already extracted. */
  "open-reader": { request: { article: Article; sourceTabId?: number }; response: { tabId: number | null } };
  /**
   * Popup or reader tab -> background: save an article to the library. The sender computes
   * `article.markdown` first (it has a DOM; the service worker does not). `tabId`, the tab the
   * article was read from, is where its images are fetched to be kept offline (the click's
   * activeTab grant lets Folio run there; background/images.ts).
   */
  "save-article": { request: { article: Article; tabId?: number }; response: SaveReply };
  /**
   * Popup or reader tab -> background: whether the article at `url` (its canonical address when
   * that is on the page's own site, as a save would key it) is already saved with its page, so
   * the Save button can say "Saved" before it is pressed. A link to read is not saved yet.
   */
  "is-saved": { request: { url: string; pageUrl?: string }; response: { saved: boolean } };
  /**
   * Library page -> background: fetch and read the pages of link-only entries (`urls`, or every
   * link in the library), in the background queue (library/fetch/). Only with access to
   * websites: the page asks for it first, in the click (platform/host-access.ts).
   */
  "fetch-links": { request: { urls?: string[] }; response: FetchReply };
  /** Library page -> background: stop fetching; the pages not fetched yet stay links. */
  "fetch-cancel": { request: NoFields; response: { ok: true } };
  /** Library page -> background: forget the last run's report (its failures). */
  "fetch-clear": { request: NoFields; response: { ok: true } };
  /**
   * Library page -> background, when it opens with pages still waiting: go on with them (the
   * background was stopped, or the browser restarted before it woke). `running` is false
   * without access to websites.
   */
  "fetch-resume": { request: NoFields; response: { running: boolean } };
  /** Background -> the fetch host (src/offscreen/): the same four, carried out there. */
  "host-fetch": { request: { urls?: string[]; resume?: boolean }; response: { queued: number } };
  "host-cancel": { request: NoFields; response: { ok: true } };
  "host-clear": { request: NoFields; response: { ok: true } };
  /** Background -> host: access to websites was taken away; stop, keeping the queue. */
  "host-stop": { request: NoFields; response: { ok: true } };
  /** Host -> background: loaded and listening. */
  "host-ready": { request: NoFields; response: { ok: true } };
  /**
   * Host -> background while it works (keeps a Firefox event page awake); `idle`: all done,
   * close me; `seen`: how many `host-*` requests it had received when it said so.
   */
  "host-alive": { request: { idle: boolean; seen: number }; response: { ok: true } };
}

export type MessageType = keyof Protocol;
export type Message<K extends MessageType = MessageType> = {
  [T in K]: { type: T } & Protocol[T]["request"];
}[K];
export type Reply<K extends MessageType> = Protocol[K]["response"];

export type Sender = Browser.Runtime.MessageSender | undefined;

/** A receiver's handlers: one per message type it understands. */
export type Handlers<K extends MessageType> = {
  [T in K]: (message: Message<T>, sender: Sender) => Reply<T> | Promise<Reply<T>>;
};

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}

/**
 * Routes `message` to its handler. Returns `undefined` when the message is not one of the
 * handled types (so other listeners may answer it).
 */
export function dispatch<K extends MessageType>(
  handlers: Handlers<K>,
  message: unknown,
  sender?: Sender,
): Reply<K> | Promise<Reply<K>> | undefined {
  if (!isMessage(message) || !Object.hasOwn(handlers, message.type)) return undefined;
  const handler = handlers[message.type as K] as (m: unknown, s: Sender) => Reply<K> | Promise<Reply<K>>;
  return handler(message, sender);
}

/** The content scripts: the page's reading (`page`) and the finished article with its Markdown (`markdown`). */
export { CONTENT_SCRIPTS } from "./content-scripts.ts";

/**
 * How a background reply travels: the value, or the handler's error as a message. Listeners
 * answer through `sendResponse` (both browsers' own API, no polyfill in the background), which
 * carries data only: a rejection would arrive as a resolved `undefined`, so it is wrapped here
 * and thrown again on the sender's side.
 */
type Envelope = { reply: unknown } | { error: string };

/** Registers background handlers on `runtime.onMessage`. */
export function listen<K extends MessageType>(runtime: Browser.Runtime.Static, handlers: Handlers<K>): void {
  runtime.onMessage.addListener(((
    message: unknown,
    sender: Browser.Runtime.MessageSender,
    sendResponse: (answer: Envelope) => void,
  ) => {
    let reply: ReturnType<typeof dispatch<K>>;
    try {
      reply = dispatch(handlers, message, sender);
    } catch (error) {
      sendResponse({ error: error instanceof Error ? error.message : String(error) });
      return false;
    }
    if (reply === undefined) return false;
    Promise.resolve(reply).then(
      (value) => sendResponse({ reply: value }),
      (error: unknown) => sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true; // the answer comes later
  }) as unknown as Parameters<Browser.Runtime.Static["onMessage"]["addListener"]>[0]);
}

/** Sends a message to the background and returns its typed reply; rejects with its error. */
export async function sendToBackground<K extends MessageType>(
  runtime: Browser.Runtime.Static,
  message: Message<K>,
): Promise<Reply<K>> {
  const answer = (await runtime.sendMessage(message)) as Envelope | undefined;
  if (typeof answer !== "object" || answer === null) {
    throw new Error("Folio's background did not answer.");
  }
  if ("error" in answer) throw new Error(answer.error);
  return answer.reply as Reply<K>;
}
