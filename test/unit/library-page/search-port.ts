/**
 * What the search worker's tests share (search-worker.test.ts, typed-ahead.test.ts): a port to
 * the service in the test's own thread, and a view of the plain list.
 */
import type { SearchPort } from "../../../src/library-page/search-client.ts";
import type { SearchAnswer, SearchEnvelope, SearchView } from "../../../src/library-page/search-protocol.ts";

/** The plain list's view of `query` (every site, tag and state, newest saved first), or as `fields` say. */
export const view = (query: string, fields: Partial<SearchView> = {}): SearchView => ({
  query,
  site: null,
  tag: "",
  state: "",
  sort: "saved",
  ...fields,
});

/** A port to the service in this thread, copying each message both ways as postMessage does. */
export function portTo(receive: (message: unknown) => Promise<unknown>): SearchPort & { crash(): void } {
  const port: SearchPort & { crash(): void } = {
    onmessage: null,
    onerror: null,
    postMessage(envelope: SearchEnvelope) {
      const { id, message } = structuredClone(envelope);
      void receive(message).then(
        (reply) => port.onmessage?.({ data: structuredClone({ id, reply }) as SearchAnswer }),
        (error: Error) => port.onmessage?.({ data: { id, error: error.message } }),
      );
    },
    crash() {
      port.onerror?.({ message: "boom" });
    },
  };
  return port;
}
