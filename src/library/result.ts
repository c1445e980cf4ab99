/**
 * What the library's operations answer: `{ ok: true, ... }` or a typed failure with a message a
 * person can act on. Expected failures are returned, never thrown.
 */

export type LibraryErrorKind =
  /** IndexedDB cannot be opened here (disabled, private mode, a newer Folio's database). */
  | "unavailable"
  /** This connection was closed (another tab upgraded the library, or the browser closed it). */
  | "closed"
  /** The browser refused to store more (disk or quota full). */
  | "quota"
  /** The article or record is not valid (the message names the field). */
  | "invalid"
  /** An imported file is not a Folio backup this version can read (the message says why). */
  | "not-a-backup"
  /** Anything else: a browser or IndexedDB error, reported with its message. */
  | "error";

export interface LibraryError {
  kind: LibraryErrorKind;
  message: string;
}

export type LibraryFailure = { ok: false; error: LibraryError };
export type LibraryResult<T extends object> = ({ ok: true } & T) | LibraryFailure;

export function fail(kind: LibraryErrorKind, message: string): LibraryFailure {
  return { ok: false, error: { kind, message } };
}

export function errorName(error: unknown): string {
  return typeof error === "object" && error !== null && typeof (error as { name?: unknown }).name === "string"
    ? (error as { name: string }).name
    : "";
}

export function errorMessage(error: unknown): string {
  if (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
  ) {
    return (error as { message: string }).message;
  }
  return String(error);
}
