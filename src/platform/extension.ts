/**
 * The extension API (the `browser` namespace, promise-based in both browsers through
 * webextension-polyfill), for the extension's pages and its background. It is imported from
 * here and nowhere else, so the one platform module (src/platform/) is the only way into the
 * browser; browser.ts says what differs between Chromium and Firefox.
 *
 * The popup's first steps use browser.ts `nativeApi` instead, which needs no polyfill loaded.
 */
import browser from "webextension-polyfill";

export { browser };
