/**
 * Optional access to websites (the manifest's `optional_host_permissions`), asked for only when
 * the user starts a feature that needs it: fetching the pages of link-only library entries, and
 * keeping an article's images from other sites offline. Without it Folio reads only the tab the
 * user clicked (activeTab) and fetches nothing.
 *
 * `requestSiteAccess` must be called straight from the click that asks for the feature, with no
 * `await` before it: Firefox only shows the permission prompt during the user's gesture.
 */
import { browser } from "./extension.ts";
import { SITE_ACCESS } from "./site-access.ts";

// Defined without the polyfill, for the background too (site-access.ts).
export { SITE_ACCESS };

/** Whether the user has granted access to websites. */
export function hasSiteAccess(): Promise<boolean> {
  return browser.permissions.contains(SITE_ACCESS);
}

/** Asks for access to websites (the browser shows its prompt); true when granted. */
export function requestSiteAccess(): Promise<boolean> {
  return browser.permissions.request(SITE_ACCESS);
}

/** Gives up the access (the user can also remove it in the browser's extension settings). */
export function dropSiteAccess(): Promise<boolean> {
  return browser.permissions.remove(SITE_ACCESS);
}
