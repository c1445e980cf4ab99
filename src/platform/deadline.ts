/**
 * A time limit on waiting for a page. Reading a page runs in that page's renderer, so a page
 * whose own script never yields (an endless loop) blocks Folio's reading too, and the
 * extension API's promise never settles. After the limit the caller gets `late()` instead;
 * whatever the page answers afterwards is ignored.
 */

/** How long a page gets to answer before Folio says it is not responding. */
export const READ_TIMEOUT_MS = 15_000;

export function withDeadline<T>(work: Promise<T>, ms: number, late: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      resolve(late());
    }, ms);
    work.then(
      (value) => {
        if (settled) return; // too late: the caller has moved on
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
