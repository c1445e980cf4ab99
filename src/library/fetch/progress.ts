/**
 * The fetch queue's progress, told to every open library page on one BroadcastChannel, as the
 * library's changes are (changes.ts): the host that runs the queue publishes its status after
 * every page, the library page shows it. A page opened later reads the jobs themselves
 * (jobs.ts) and then listens.
 */
import type { FetchStatus } from "./jobs.ts";

export const FETCH_CHANNEL = "folio-fetch";

interface ProgressMessage {
  type: "fetch-progress";
  status: FetchStatus;
}

function isProgress(value: unknown): value is ProgressMessage {
  const v = value as Partial<ProgressMessage> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.type === "fetch-progress" &&
    typeof v.status === "object" &&
    v.status !== null &&
    Array.isArray(v.status.failures)
  );
}

/** A publisher on its own channel (one per host). Never throws. */
export function progressPublisher(): (status: FetchStatus) => void {
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(FETCH_CHANNEL) : null;
  return (status) => {
    try {
      channel?.postMessage({ type: "fetch-progress", status } satisfies ProgressMessage);
    } catch {
      // No page listens, or the context is closing.
    }
  };
}

/** Calls `onStatus` for each status the host publishes; returns the unsubscribe. */
export function watchProgress(onStatus: (status: FetchStatus) => void): () => void {
  if (typeof BroadcastChannel !== "function") return () => {};
  const channel = new BroadcastChannel(FETCH_CHANNEL);
  channel.addEventListener("message", (event: MessageEvent) => {
    if (isProgress(event.data)) onStatus(event.data.status);
  });
  return () => channel.close();
}
