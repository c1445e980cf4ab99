/**
 * The fetch host's open and close (src/platform/fetch-host.ts) with a fake of Chrome's
 * offscreen API whose document goes only when closeDocument resolves, as Chrome's does.
 */
import type Browser from "webextension-polyfill";
import { describe, expect, it } from "vitest";
import { fetchHost } from "../../src/platform/fetch-host.ts";

function fakeOffscreen() {
  let exists = false;
  let finishClose: (() => void) | null = null;
  const calls: string[] = [];
  const offscreen = {
    async createDocument() {
      calls.push("create");
      exists = true;
    },
    closeDocument() {
      calls.push("close");
      return new Promise<void>((resolve) => {
        finishClose = () => {
          exists = false;
          resolve();
        };
      });
    },
    async hasDocument() {
      return exists;
    },
  };
  const api = { offscreen, runtime: { getURL: (path: string) => `chrome-extension://x/${path}` } };
  return {
    api: api as unknown as Browser.Browser,
    calls,
    finishClose: () => finishClose?.(),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Opens the host and, once it is being made, has it say that it listens (as the page does). */
async function openListening(host: ReturnType<typeof fetchHost>): Promise<boolean> {
  const opening = host.open();
  await tick();
  host.ready();
  return opening;
}

describe("fetchHost", () => {
  it("opens a new host after a close that was still in progress, not the closing one", async () => {
    const fake = fakeOffscreen();
    const host = fetchHost(fake.api);
    expect(await openListening(host)).toBe(true);

    const closed = host.close();
    await tick(); // closeDocument called, the document not gone yet
    const reopened = host.open();
    await tick();
    // Until the close ends, nothing is sent to the closing document: open has not resolved.
    let settled = false;
    void reopened.then(() => {
      settled = true;
    });
    await tick();
    expect(settled).toBe(false);
    fake.finishClose();
    await closed;
    await tick();
    host.ready(); // the new host says it listens
    expect(await reopened).toBe(true);
    expect(fake.calls).toEqual(["create", "close", "create"]);
  });

  it("opens once while the host is open, and again after it closed", async () => {
    const fake = fakeOffscreen();
    const host = fetchHost(fake.api);
    expect(await openListening(host)).toBe(true);
    expect(await host.open()).toBe(false);
    const closed = host.close();
    await tick();
    fake.finishClose();
    await closed;
    expect(await openListening(host)).toBe(true);
    expect(fake.calls).toEqual(["create", "close", "create"]);
  });
});
