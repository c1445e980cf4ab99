/** A search worker's port in the test's own thread (search-worker.test.ts, typed-ahead.test.ts). */
import type { SearchPort } from "../../../src/library-page/search-client.ts";
import type { SearchAnswer, SearchEnvelope } from "../../../src/library-page/search-protocol.ts";

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
