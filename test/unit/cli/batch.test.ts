/**
 * `npm run extract` over many inputs: one page never stops the run. Each input gets its line,
 * in order: an article, a refusal, a page whose stylesheet jsdom's CSS parser rejects, a
 * missing file, and a page whose Markdown table the GFM plugin cannot convert.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const STORY =
  "<p>The river rose two metres overnight and the council closed the lower bridge until the water falls again, officials said on Tuesday.</p>".repeat(
    6,
  );

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html><head><title>River</title><meta property="og:type" content="article">${head}</head><body><article><h1>River</h1>${body}</article></body></html>`;
}

describe("extract over several inputs", () => {
  it("gives every input its own line and goes on after a bad one", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "folio-cli-"));
    const files = {
      good: page("", STORY),
      notArticle: `<!DOCTYPE html><html><head><title>Home</title></head><body><nav>${'<a href="/a">Section</a> '.repeat(30)}</nav></body></html>`,
      badCss: page("<style>.box { width: calc(100% - (2px }</style>", STORY),
      table: page(
        "",
        `${STORY}<pre><table> <tr> <td>1.</td> <td>Ellwangen</td> </tr> <tr> <td>2.</td> <td>Langenau</td> </tr> </table></pre>`,
      ),
    };
    const paths: Record<string, string> = {};
    for (const [name, html] of Object.entries(files)) {
      paths[name] = join(dir, `${name}.html`);
      writeFileSync(paths[name]!, html);
    }
    const inputs = [paths.good!, paths.notArticle!, paths.badCss!, join(dir, "missing.html"), paths.table!];
    let stdout = "";
    try {
      stdout = execFileSync(
        process.execPath,
        ["--import", "tsx", join(ROOT, "src/cli/extract.ts"), "--format", "json", ...inputs],
        {
          cwd: ROOT,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    } catch (error) {
      stdout = (error as { stdout: string }).stdout; // exit status 2: the missing file
    }
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { input: string; error?: { kind: string }; textContent?: string });
    expect(lines.map((l) => l.input)).toEqual(inputs);
    expect(lines[0]!.textContent).toContain("river rose two metres");
    expect(lines[1]!.error?.kind).toBe("not-article");
    expect(lines[2]!.textContent).toContain("river rose two metres");
    expect(lines[3]!.error?.kind).toBe("io");
    expect(lines[4]!.textContent).toContain("Langenau");
  });
});
