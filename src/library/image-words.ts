/**
 * What the library and the reader say about an article's images that are not kept offline,
 * and what they offer to do about it. Pure: the pages put the words on screen.
 */
import { IMAGE_LIMITS } from "./image-data.ts";
import type { ImageStatus } from "./image-store.ts";

/** `allow`: ask for access to websites, then fetch; `retry`: fetch again. */
export type ImageAction = "allow" | "retry";

export const IMAGE_ACTION_LABELS: Readonly<Record<ImageAction, string>> = {
  allow: "Allow Folio to fetch images",
  retry: "Try again",
};

export interface ImageNote {
  /** The whole sentence (the reader's note; the library's tooltip). */
  text: string;
  /** What a library row has room for, before the action's button. */
  brief: string;
  action: ImageAction | null;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * The note for an article whose images are not all kept offline (null when they are, or when
 * nothing is known of them). `access`: whether Folio may fetch from websites.
 */
export function imageNote(status: ImageStatus | undefined, access: boolean): ImageNote | null {
  if (!status) return null;
  const left = status.found - status.kept;
  if (left <= 0) return null;
  const images = left === 1 ? "1 image" : `${left.toLocaleString("en-US")} images`;
  const brief = `${images} not kept offline`;
  if (status.blocked > 0 && !access) {
    return {
      text: `${images} not kept offline: allow Folio to fetch images from other websites to keep ${left === 1 ? "it" : "them"}.`,
      brief: `${brief}:`,
      action: "allow",
    };
  }
  if (status.blocked + status.failed > 0) {
    return {
      text: `${images} not kept offline: ${left === 1 ? "it" : "they"} could not be fetched.`,
      brief: `${brief}:`,
      action: "retry",
    };
  }
  const cap = megabytes(IMAGE_LIMITS.perArticleBytes);
  return {
    text: `${images} not kept offline: an article keeps at most ${cap} of images.`,
    brief: `${brief} (over the ${cap} an article keeps)`,
    action: null,
  };
}
