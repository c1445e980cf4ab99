/** The promo passes: `promoBlocks` (furniture containers, before Readability) and `promoLines` (after). */
import { describe, expect, it } from "vitest";
import { promoBlocks } from "../../../src/core/passes/promo-blocks.ts";
import { promoLines } from "../../../src/core/passes/promo-lines.ts";
import { passSetup } from "./harness.ts";

const setup = (html: string) => passSetup(html);

const LONG =
  "The council said the repairs would take most of the summer and that the footpath along the river would stay closed until the contractors had finished their work on the embankment.";
const STORY = `<p class="story">${LONG}</p>`;

describe("promoBlocks: removes", () => {
  it.each([
    [
      "a newsletter box",
      `<div class="newsletter-box"><h3>Der Wirtschafts-Newsletter</h3><p>Jeden Morgen die wichtigsten Nachrichten.</p><form><input type="email"><button>Jetzt abonnieren</button></form></div>`,
      "Newsletter",
    ],
    [
      "a Jetpack share bar",
      `<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="?share=twitter">Twitter</a></li><li><a href="?share=facebook">Facebook</a></li></ul></div>`,
      "Share this",
    ],
    [
      "Jetpack related posts",
      `<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">${[
        ["Chillies in the shade: a partial success", "August 14, 2022"],
        ["Salad leaves all summer on a north wall", "July 2, 2021"],
        ["Why my courgettes sulked", "June 9, 2021"],
      ]
        .map(
          ([title, date], i) =>
            `<div class="jp-relatedposts-post jp-relatedposts-post${i}" data-post-id="${i + 100}"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="/p/${i}">${title}</a></h4><p class="jp-relatedposts-post-date">${date}</p><p class="jp-relatedposts-post-context">In "Vegetables"</p></div>`,
        )
        .join("")}</div></div>`,
      "Chillies",
    ],
    [
      "a cookie consent banner (cmp-container)",
      `<div id="sp_message_container_1" class="cmp-container" role="dialog"><h2>Wir brauchen Ihre Zustimmung</h2><p>Wir verwenden Cookies.</p><button>Akzeptieren</button></div>`,
      "Zustimmung",
    ],
    [
      "a GDPR banner",
      `<div class="gdpr-banner"><p>We use cookies to improve your experience.</p><button>OK</button></div>`,
      "cookies",
    ],
    [
      "a comment teaser",
      `<a class="comments-link comments-teaser" href="#comments">12 comments</a>`,
      "12 comments",
    ],
    [
      "a related-stories aside",
      `<aside class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Taliban takes control of Kabul</a></li><li><a href="/b">India evacuates embassy staff</a></li></ul></aside>`,
      "Taliban",
    ],
    [
      "a block headed 'More on this story'",
      `<section class="ssrcss-1ocoo3l-Wrap"><div><h2>More on this story</h2><ul><li><a href="/1">Coastal village braces for spring tides</a></li><li><a href="/2">Why some towns give land back to the sea</a></li></ul></div></section>`,
      "Coastal village",
    ],
    [
      "a block headed 'Related Topics'",
      `<section data-component="tag-list"><div><h2>Related Topics</h2><ul><li><a href="/t/1">Flooding</a></li><li><a href="/t/2">Climate change</a></li></ul></div></section>`,
      "Flooding",
    ],
    [
      "a block headed 'Mehr zum Thema'",
      `<aside class="mehr"><h2>Mehr zum Thema</h2><ul><li><a href="/1">Umbau statt Neubau: Die stille Wende am Bau</a></li><li><a href="/2">Wie klimaschädlich ist Beton?</a></li></ul></aside>`,
      "Umbau statt Neubau",
    ],
    [
      "a block headed 'Most read'",
      `<div class="rail"><h3>Most read</h3><ol><li><a href="/1">Storm warning issued</a></li><li><a href="/2">Ferry services cancelled</a></li></ol></div>`,
      "Storm warning",
    ],
    [
      "a video promo headed 'Check out latest videos from DH'",
      `<div class="widget"><h4>Check out latest videos from DH:</h4><div><a href="/v/1">Watch: Kabul airport chaos</a><a href="/v/2">Watch: Monsoon floods</a></div></div>`,
      "Kabul airport",
    ],
    [
      "a WordPress 'postmetadata' line (Kubrick themes)",
      `<div class="postmetadata alt">Erstellt am Dienstag 6. Mai 2014 in <a href="/c/allgemein">Allgemein</a></div>`,
      "Erstellt am Dienstag",
    ],
  ])("%s", (_name, html, marker) => {
    const { root, ctx, text } = setup(`${STORY}${html}${STORY}`);
    promoBlocks.run(root, ctx);
    expect(text()).not.toContain(marker);
    expect(root.querySelectorAll("p.story")).toHaveLength(2);
    expect(ctx.removed.length).toBeGreaterThanOrEqual(1);
    expect(ctx.removed.every((r) => r.kind === "promo")).toBe(true);
  });
});

describe("promoBlocks: the box about the author", () => {
  const box = (cls: string) =>
    `${STORY}<div class="${cls}"><h4>Über Jane Roe</h4><p>Jane Roe schreibt seit 2010 über Verkehr und Städtebau, vorher war sie Lokalreporterin. Sie lebt mit ihrer Familie am Stadtrand.</p><a rel="author" href="/author/jane-roe">Alle Beiträge von Jane Roe anzeigen</a></div>`;

  it("goes, though it links to the author", () => {
    const { root, ctx, text } = setup(box("author-info"));
    promoBlocks.run(root, ctx);
    expect(text()).not.toContain("Lokalreporterin");
    expect(text()).toContain("The council said");
  });

  it("a byline block with the author's link stays (it is not named as a box about the author)", () => {
    const { root, ctx, text } = setup(box("post-byline share"));
    promoBlocks.run(root, ctx);
    expect(text()).toContain("Lokalreporterin");
  });

  it("a byline named so stays: it is too short to be a biography", () => {
    const { root, ctx, text } = setup(
      `<div class="authorInfo">Politics by <a rel="author" href="/a/jane-roe">Jane Roe</a> May 3, 2021</div>${STORY}`,
    );
    promoBlocks.run(root, ctx);
    expect(text()).toContain("Politics by Jane Roe");
  });

  it("stays when it holds the headline", () => {
    const { root, ctx, text } = setup(`<div class="author-box"><h1>The headline</h1>${STORY}</div>`);
    promoBlocks.run(root, ctx);
    expect(text()).toContain("The headline");
  });
});

describe("promoBlocks: keeps", () => {
  it("a story wrapped in a class that says 'related' or 'share'", () => {
    const { root, ctx } = setup(
      `<div class="article-related-wrapper share-container">${STORY}<p>${LONG} Again.</p><p>${LONG} Once more.</p></div>`,
    );
    promoBlocks.run(root, ctx);
    expect(root.querySelectorAll("p")).toHaveLength(3);
    expect(ctx.removed).toEqual([]);
  });

  it("a section headed 'Related' that is prose, not links", () => {
    const html = `<section><h2>Related</h2><p>Two earlier fires in the same street, in 2019 and 2021, were never explained, and residents say the council has ignored their complaints about the wiring ever since.</p></section>`;
    const { root, ctx, text } = setup(html);
    promoBlocks.run(root, ctx);
    expect(text()).toContain("Two earlier fires");
    expect(ctx.removed).toEqual([]);
  });

  it.each([
    ["div.header", `<div class="header"><h2>Flood defences</h2></div>`],
    ["a paragraph that mentions 'related'", `<p>Police said the two incidents were not related.</p>`],
    [
      "a heading 'Most read books of the decade, ranked' with prose under it",
      `<div><h2>Most read books of the decade, ranked</h2><p>${LONG}</p></div>`,
    ],
    ["div.tagline", `<div class="tagline">Growing food with three hours of sun</div>`],
    [
      "div.shared-ownership (a housing term)",
      `<div class="shared-ownership-note"><p>Shared ownership homes are sold at a discount.</p></div>`,
    ],
  ])("%s", (_name, html) => {
    const { root, ctx, text } = setup(html);
    const before = text();
    promoBlocks.run(root, ctx);
    expect(text()).toBe(before);
    expect(ctx.removed).toEqual([]);
  });

  it("Adobe AEM content components (cmp-text, cmp-image, cmp-title)", () => {
    const html = `<div class="cmp-title"><h2>Flood defences approved</h2></div><div class="cmp-text"><p>${LONG}</p></div><div class="cmp-image"><img src="https://cdn.example/a.jpg" alt="The embankment"></div><div class="cmp-text"><p>${LONG} Again.</p></div>`;
    const { root, ctx } = setup(html);
    promoBlocks.run(root, ctx);
    expect(root.querySelectorAll("p")).toHaveLength(2);
    expect(root.querySelector("img")).not.toBeNull();
    expect(root.querySelector("h2")).not.toBeNull();
    expect(ctx.removed).toEqual([]);
  });
});

describe("promoLines: removes", () => {
  it.each([
    [
      "Also read: <link>",
      `<p><strong>Also read:</strong> <a href="/x">How I make comfrey tea without the smell</a></p>`,
    ],
    [
      "Also read: <link> (no markup on the label)",
      `<p>Also read: <a href="/y">Starting seeds on a cold windowsill</a></p>`,
    ],
    [
      "Lesen Sie auch: <link>",
      `<p>Lesen Sie auch: <a href="/z">Warum die Mieten in Ostdeutschland steigen</a></p>`,
    ],
    ["À lire aussi : <link>", `<p>À lire aussi : <a href="/z">La réforme des retraites expliquée</a></p>`],
    ["Read more: <link>", `<p>Read more: <a href="/m">The full timeline of the floods</a></p>`],
    ["Check out latest videos from DH:", `<p><strong>Check out latest videos from DH:</strong></p>`],
    ["a newsletter call", `<p>Sign up for our daily Morning Briefing newsletter.</p>`],
    ["a follow-us line", `<p>Follow us on Twitter and Instagram.</p>`],
    ["a bare 'Related' label", `<h3>Related</h3>`],
  ])("%s", (_name, html) => {
    const { root, ctx } = setup(`${STORY}${html}${STORY}`);
    promoLines.run(root, ctx);
    expect(root.children).toHaveLength(2);
    expect(ctx.removed.length).toBeGreaterThanOrEqual(1);
    expect(ctx.removed[0]!.kind).toBe("promo");
  });
});

describe("promoLines: keeps", () => {
  it.each([
    "Police said the two incidents were not related.",
    "Related research from Oxford suggests the effect is smaller than first thought.",
    "Read more about the methodology in the appendix, which explains how the survey was weighted.",
    "Also read the council's full statement, which was published on Monday.",
    "Also read: the council's forty-page report, leaked to this newspaper, makes for grim reading.",
    "More than 300 people attended the meeting.",
    "Subscribers can listen to the full interview.",
  ])("%j", (sentence) => {
    const { root, ctx, text } = setup(`<p>${sentence}</p>`);
    promoLines.run(root, ctx);
    expect(text()).toBe(sentence);
    expect(ctx.removed).toEqual([]);
  });

  it("a link to the source document inside a sentence", () => {
    const sentence = `The ministry published <a href="/report.pdf">the full report</a> on Tuesday.`;
    const { root, ctx, text } = setup(`<p>${sentence}</p>`);
    promoLines.run(root, ctx);
    expect(text()).toBe("The ministry published the full report on Tuesday.");
    expect(ctx.removed).toEqual([]);
  });

  it("the word 'related' in bold inside a sentence", () => {
    const { root, ctx, text } = setup(
      `<p>Investigators now believe the two fires were <strong>related</strong>, the chief said.</p>`,
    );
    promoLines.run(root, ctx);
    expect(text()).toBe("Investigators now believe the two fires were related, the chief said.");
    expect(ctx.removed).toEqual([]);
  });
});

describe("promoLines: site machinery and promo headings", () => {
  it.each([
    "Kommentare sind geschlossen.",
    "Comments are closed.",
    "This entry was posted in News and tagged harbour.",
    "Rezept drucken",
    "War der Artikel nützlich?",
    "Subscribe now to our weekend edition for the full story.",
    "12 Kommentare",
    "No comments yet",
  ])("removes the line %j", (line) => {
    const { root, ctx, text } = setup(`<p>${LONG}</p><p>${line}</p>`);
    promoLines.run(root, ctx);
    expect(text()).not.toContain(line);
  });
  it("removes a line that stands alone between line breaks inside a widget with more lines", () => {
    const { root, ctx, text } = setup(
      `<p>${LONG}</p><div><span class="ratings"><strong>War der Artikel nützlich?</strong><br><img src="https://x.example/star.gif" alt="1 Stern"> (95 Stimmen)</span><span>Loading...</span></div>`,
    );
    promoLines.run(root, ctx);
    expect(text()).not.toContain("nützlich");
    expect(text()).toContain("95 Stimmen");
  });
  it("keeps a phrase that shares its line with other words after a widget's inline parts", () => {
    const { root, ctx, text } = setup(
      `<p>${LONG}</p><p><span><strong>Rezept drucken</strong></span> lohnt sich, sagt die Autorin.</p>`,
    );
    promoLines.run(root, ctx);
    expect(text()).toContain("Rezept drucken");
  });
  it("removes a comment heading that says how many comments there are and that they are closed", () => {
    const { root, ctx, text } = setup(
      `<p>${LONG}</p><h3 id="comments"><span class="comment-number">Keine Kommentare</span> <span class="comment-message"><em>Kommentare sind geschlossen</em>.</span></h3>`,
    );
    promoLines.run(root, ctx);
    expect(text()).not.toMatch(/Kommentare/);
    expect(text()).toContain(LONG.slice(0, 30));
  });
  it.each([
    "No comment, the minister's office said on Friday.",
    "Keine Kommentierung der Zahlen gab es vom Ministerium.",
  ])("keeps the sentence %j", (line) => {
    const { root, ctx, text } = setup(`<p>${LONG}</p><p>${line}</p>`);
    promoLines.run(root, ctx);
    expect(text()).toContain(line);
  });
  it.each(["Mehr zum Thema", "Weitere Beiträge zum Thema", "Weitere Artikel zum Thema"])(
    "removes a promo heading %j and the links under it",
    (heading) => {
      const { root, ctx, text } = setup(
        `<p>${LONG}</p><h3>${heading}</h3><ul><li><a href="/a">Erster Artikel über den Hafen</a></li><li><a href="/b">Zweiter Artikel</a></li></ul>`,
      );
      promoLines.run(root, ctx);
      expect(text()).not.toContain(heading);
      expect(text()).not.toContain("Erster Artikel");
      expect(ctx.removed).toHaveLength(2);
    },
  );
  it("removes a short biography under 'About the author'", () => {
    const { root, ctx, text } = setup(
      `<p>${LONG}</p><h3>About the author</h3><p>Jane Doe covers ports and shipping for the paper.</p>`,
    );
    promoLines.run(root, ctx);
    expect(text()).not.toMatch(/About the author|covers ports/);
    expect(text()).toContain(LONG.slice(0, 30));
  });
  it.each([
    "Comments from residents were mostly positive, the survey found.",
    "Posted workers from abroad earn less, the report says.",
    "Subscribers to the service pay more this year.",
  ])("keeps the sentence %j", (line) => {
    const { root, ctx, text } = setup(`<p>${LONG}</p><p>${line}</p>`);
    promoLines.run(root, ctx);
    expect(text()).toContain(line);
  });
});

describe("promo lines: a line that only points to another page", () => {
  it("keeps a sentence whose link is part of it", () => {
    const line = 'Here is <a href="/report">the report</a> the council published on Monday about the bridge.';
    const { root, ctx, text } = passSetup(`<p>${line}</p>`);
    promoLines.run(root, ctx);
    expect(text()).toBe("Here is the report the council published on Monday about the bridge.");
  });
});

describe("promo lines: prompts that many sites print", () => {
  it.each([
    ["a paywall prompt", "Pour lire la suite, abonnez-vous."],
    ["a login prompt", "Subscribe to continue reading."],
    ["a membership plea", "Become a member and support independent reporting"],
    ["a donation plea", "Unterstützen Sie unseren Journalismus"],
    ["a channel invitation", "Join our Telegram channel"],
    ["a newsletter invitation", "Get our free newsletter every morning"],
    ["a news tip invitation", "Have a tip? Send it to our newsroom."],
    ["a comment policy", "Comments are moderated before they appear."],
    ["a share button", "Share on WhatsApp"],
    ["a network's name alone", "Twitter"],
    ["a metadata label alone", "Aktualisiert:"],
    ["a category line with a space before its colon", "Category : Town Council"],
    ["a line of labelled facts", "Posted on : 12/03/2023 Tags : harbour, storms"],
    ["a skip link", "Skip to main content"],
    ["a German skip link", "Zum Hauptinhalt springen"],
    ["a French skip link", "Aller au contenu principal"],
    ["a newsletter heading with a lead-in", "Ab sofort keine Rezepte mehr verpassen!"],
    ["a newsletter heading that says it another way", "Nie mehr einen Termin versäumen"],
    [
      "a plea that asks whether the reader likes the site",
      "Sie lesen gern unser Magazin? Dann unterstützen Sie uns!",
    ],
    ["an English plea of the same kind", "Enjoy reading this blog? Buy us a coffee."],
    ["a line that is one link pointing elsewhere", '<a href="/plan">Hier geht es zum neuen Spielplan</a>'],
    ["an English pointing link", '<a href="/info">More information on the council website</a>.'],
  ])("removes %s", (_name, line) => {
    const { root, ctx, text } = passSetup(`<p>The council met on Tuesday.</p><p>${line}</p>`);
    promoLines.run(root, ctx);
    expect(text()).toBe("The council met on Tuesday.");
  });

  it.each([
    "Members of the council support our proposal to repair the bridge before the winter.",
    "She shared her tips for growing tomatoes on a balcony with the neighbours.",
    "Twitter users reacted within minutes of the announcement.",
    "Updated figures show the river fell by two metres overnight.",
    "Skip to the end of the story and the council is still arguing about the bridge.",
    "Wer die Sitzung verpassen musste, kann sie im Netz nachsehen.",
    "Die Kinder der Gemeinde sollen keine Stunde Unterricht verpassen.",
    "Do you like your new neighbours? Most people in the survey said yes.",
  ])("keeps a sentence: %s", (line) => {
    const { root, ctx, text } = passSetup(`<p>${line}</p>`);
    promoLines.run(root, ctx);
    expect(text()).toBe(line);
  });
});

describe("promo lines: the sign-off under the story", () => {
  const SIGN_OFF =
    "Follow The Daily Courier on Twitter and Instagram @DailyCourier and on Facebook @TheDailyCourier. Send us a message on WhatsApp at 1-555-010-0199 or email us at tips@courier.example or editors@courier.example";

  it("goes where the story ends, though it is longer than a promo line", () => {
    const { root, ctx, text } = passSetup(`<div><p>${LONG}</p><p><strong>${SIGN_OFF}</strong></p></div> `);
    promoLines.run(root, ctx);
    expect(text()).toBe(LONG);
    expect(ctx.removed.map((r) => r.reason)).toEqual(["promo line under the story"]);
  });

  it("stays when the story goes on after it", () => {
    const { root, ctx, text } = passSetup(`<p><strong>${SIGN_OFF}</strong></p><p>${LONG}</p>`);
    promoLines.run(root, ctx);
    expect(text()).toContain("Follow The Daily Courier");
  });
});
