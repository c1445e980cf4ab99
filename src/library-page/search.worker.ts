/**
 * The library page's search worker (a module worker: search-index.ts starts it). Only the glue
 * between `onmessage` and the work, which is search-service.ts: it opens its own connection to
 * the library, builds the index from it and answers the page's requests (search-protocol.ts).
 */
import { libraryConnection } from "../library/connection.ts";
import type { SearchAnswer, SearchEnvelope } from "./search-protocol.ts";
import { searchService } from "./search-service.ts";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchEnvelope>) => void) | null;
  postMessage(answer: SearchAnswer): void;
};
const service = searchService({ open: libraryConnection() });

scope.onmessage = (event) => {
  const { id, message } = event.data;
  service.receive(message).then(
    (reply) => scope.postMessage({ id, reply }),
    (error: unknown) =>
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
