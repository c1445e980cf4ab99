/**
 * A fetched page put in place of its link: the reader's tags, state, favourite and saved date
 * kept; its canonical URL used when on the same site (the link's record then goes); a newer
 * local copy (saved with its page meanwhile) or a deleted link left alone.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { importRecords } from "../../../../src/library/merge.ts";
import { replaceLink } from "../../../../src/library/replace-link.ts";
import { makeArticle, makeRecord, freshLibrary, ok } from "../helpers.ts";

const LINK = "https://news.example/story?utm=1";
const SAVED = Date.UTC(2020, 0, 2);

async function withLink() {
  const { library } = await freshLibrary();
  const link = makeRecord({
    url: LINK,
    title: "A link",
    content: "",
    textContent: "",
    markdown: "",
    linkOnly: true,
    tags: ["later", "long"],
    state: "archived",
    favourite: true,
    savedAt: SAVED,
  });
  ok(await importRecords(library, [link]));
  return library;
}

const fetched = (fields = {}) => ({ ...makeArticle({ url: LINK, ...fields }), markdown: "# The story\n" });

describe("replaceLink", () => {
  it("makes the link an article, keeping tags, state, favourite and saved date", async () => {
    const library = await withLink();
    const done = ok(await replaceLink(library, LINK, fetched({ title: "The story" })));
    expect(done).toMatchObject({ status: "replaced", deleted: [] });
    const { article } = ok(await library.get(LINK));
    expect(article).toMatchObject({
      linkOnly: false,
      title: "The story",
      tags: ["later", "long"],
      state: "archived",
      favourite: true,
      savedAt: SAVED,
      markdown: "# The story\n",
    });
    expect(ok(await library.count()).count).toBe(1);
  });

  it("moves it to its canonical URL on the same site, and not to another site's", async () => {
    const library = await withLink();
    const canonical = "https://www.news.example/story";
    const moved = ok(await replaceLink(library, LINK, fetched({ url: canonical, pageUrl: LINK })));
    expect(moved).toMatchObject({ status: "replaced", url: canonical, deleted: [LINK] });
    expect(ok(await library.get(LINK)).article).toBeNull();
    expect(ok(await library.get(canonical)).article).toMatchObject({
      tags: ["later", "long"],
      savedAt: SAVED,
    });

    const other = await withLink();
    const forged = ok(
      await replaceLink(other, LINK, fetched({ url: "https://evil.example/x", pageUrl: LINK })),
    );
    expect(forged).toMatchObject({ status: "replaced", url: LINK });
  });

  it("keeps an article already saved under the canonical URL, adding the link's tags", async () => {
    const library = await withLink();
    const canonical = "https://www.news.example/story";
    const mine = makeRecord({ url: canonical, title: "Mine", tags: ["kept"], savedAt: SAVED + 5 });
    ok(await importRecords(library, [mine]));
    ok(await replaceLink(library, LINK, fetched({ url: canonical, pageUrl: LINK, title: "Fetched" })));
    const { article } = ok(await library.get(canonical));
    expect(article).toMatchObject({ title: "Mine", tags: ["kept", "later", "long"], favourite: true });
    expect(article!.content).toBe(mine.content);
    expect(ok(await library.get(LINK)).article).toBeNull();
  });

  it("never overwrites a copy saved with its page meanwhile, nor brings back a deleted link", async () => {
    const library = await withLink();
    ok(await library.save(makeArticle({ url: LINK, title: "Saved from the tab" })));
    const kept = ok(await replaceLink(library, LINK, fetched({ title: "Fetched" })));
    expect(kept.status).toBe("unchanged");
    expect(ok(await library.get(LINK)).article!.title).toBe("Saved from the tab");

    const gone = await withLink();
    ok(await gone.delete([LINK]));
    expect(ok(await replaceLink(gone, LINK, fetched())).status).toBe("unchanged");
    expect(ok(await gone.count()).count).toBe(0);
  });
});
