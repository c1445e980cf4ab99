/**
 * Access to websites without the polyfill, for the background (which uses the browser's own
 * API, browser.ts `nativeApi`): the same origins as host-access.ts, which re-exports them.
 */
import type Browser from "webextension-polyfill";

/** Every http(s) site: what both features need (their pages and images live anywhere). */
export const SITE_ACCESS = { origins: ["http://*/*", "https://*/*"] };

/** Whether the user has granted access to websites, through the given permissions API. Never throws. */
export async function siteAccessIn(permissions: Browser.Permissions.Static): Promise<boolean> {
  try {
    return await permissions.contains(SITE_ACCESS);
  } catch {
    return false;
  }
}
