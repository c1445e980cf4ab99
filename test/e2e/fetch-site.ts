/**
 * The pages the fetching tests fetch (test/e2e/fetch.test.ts, and Firefox's): the core's
 * fixture pages served on 127.0.0.1, each after a delay (so progress can be seen), a 404 and a
 * PDF, every request logged; and a Pocket CSV that lists them as links to read.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ROOT } from "./harness.ts";

const PAGES = join(ROOT, "test", "fixtures", "pages");
export const ARTICLES = ["nyt-like", "bbc-like", "german-news", "hostile", "seed-deccan"];

/** The fixture pages, each answered after `delayMs`; /gone is a 404, /paper.pdf a PDF. */
export async function site(delayMs: number) {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push(path);
    await new Promise((r) => setTimeout(r, delayMs));
    const m = /^\/p\/([a-z-]+)\.html$/.exec(path);
    if (m && ARTICLES.includes(m[1]!)) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(await readFile(join(PAGES, `${m[1]}.html`)));
    } else if (path === "/paper.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4 not a page");
    } else {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

export function pocketCsv(origin: string): string {
  const rows = [
    "title,url,time_added,tags,status",
    `Kelp,${origin}/p/nyt-like.html,1717236000,sea|later,archive`,
    `Harbour vote,${origin}/p/bbc-like.html,1717236001,,unread`,
    `Parkhaus,${origin}/p/german-news.html,1717236002,,unread`,
    `Ferry,${origin}/p/hostile.html,1717236003,,unread`,
    `Deccan,${origin}/p/seed-deccan.html,1717236004,,unread`,
    `Gone page,${origin}/gone,1717236005,,unread`,
    `A paper,${origin}/paper.pdf,1717236006,,unread`,
  ];
  return `${rows.join("\n")}\n`;
}
