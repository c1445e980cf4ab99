/**
 * What the zip worker does, apart from the worker itself: the handler of each request kind
 * (zip-protocol.ts), and answering one request. Pure of any worker global, so unit tests run
 * it as the worker does, against the functions it calls.
 */
import { markdownZipWithImages } from "./zip.ts";
import type { ZipHandlers, ZipReply, ZipRequest } from "./zip-protocol.ts";

export const zipHandlers: ZipHandlers = {
  "markdown-zip": async ({ articles, images }) => {
    const of = new Map(articles.map((article, i) => [article, images[i] ?? []]));
    return markdownZipWithImages(articles, async (article) => of.get(article) ?? []);
  },
};

function isRequest(value: unknown): value is ZipRequest {
  const v = value as Partial<ZipRequest> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.id === "number" &&
    typeof v.kind === "string" &&
    Object.hasOwn(zipHandlers, v.kind)
  );
}

/**
 * The reply to `message`, answered by its handler; `builtIn` names the global scope the work
 * ran in (the worker's), so the page can tell, and its tests check, where the zip was made.
 */
export async function answerZipRequest(
  message: unknown,
  handlers: ZipHandlers = zipHandlers,
  builtIn = "unknown",
): Promise<ZipReply> {
  if (!isRequest(message)) {
    const id =
      typeof (message as { id?: unknown } | null)?.id === "number" ? (message as { id: number }).id : -1;
    return { id, ok: false, message: "the zip worker was sent a request it does not know", builtIn };
  }
  try {
    const answer = await handlers[message.kind](message.payload);
    return { id: message.id, ok: true, answer, builtIn };
  } catch (error) {
    return {
      id: message.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      builtIn,
    };
  }
}
