/** extractMetadata: one documented precedence per field, on jsdom documents. */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractMetadata } from "../../../src/core/metadata/index.ts";

const URL = "https://news.example.com/world/2021/08/24/story.html?utm_source=x";

function page(head: string, body = "", htmlAttrs = ""): Document {
  return new JSDOM(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, {
    url: URL,
  }).window.document;
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const meta = (attr: "property" | "name", key: string, content: string) =>
  `<meta ${attr}="${key}" content="${content}">`;

describe("title", () => {
  it("prefers og:title, strips a known site name, when no h1 settles it", () => {
    const doc = page(
      meta("property", "og:title", "Storm hits the coast | Example News") +
        meta("property", "og:site_name", "Example News") +
        ld({ "@type": "NewsArticle", headline: "Storm batters the coast overnight" }) +
        "<title>Storm hits the coast - Example News</title>",
    );
    expect(extractMetadata(doc, URL).title).toBe("Storm hits the coast");
  });

  it("takes the declared title that the page shows as its h1 (JSON-LD over a social og:title)", () => {
    const doc = page(
      meta("property", "og:title", "You won't believe this storm") +
        ld({ "@type": "NewsArticle", headline: "Storm batters the coast overnight" }),
      "<article><h1>Storm batters the coast overnight</h1><p>Text.</p></article>",
    );
    expect(extractMetadata(doc, URL).title).toBe("Storm batters the coast overnight");
  });

  it("prefers the full og:title over a JSON-LD headline truncated with an ellipsis", () => {
    const full = "A very long headline that a publisher had to cut for the structured data limit of search";
    const doc = page(
      ld({ "@type": "NewsArticle", headline: `${full.slice(0, 60)}…` }) + meta("property", "og:title", full),
    );
    // og:title is first anyway; the truncated one must never win over it.
    expect(extractMetadata(doc, URL).title).toBe(full);
    const onlyTruncatedFirst = page(
      ld({ "@type": "NewsArticle", headline: `${full.slice(0, 60)}…` }) + meta("name", "twitter:title", full),
    );
    expect(extractMetadata(onlyTruncatedFirst, URL).title).toBe(full);
  });

  it.each([
    ["pipe", "Council approves the new budget plan | The Daily Planet"],
    ["hyphen", "Council approves the new budget plan - The Daily Planet"],
    ["em dash", "Council approves the new budget plan — The Daily Planet"],
    ["double colon", "Council approves the new budget plan :: Planet"],
  ])("cleans a site-name suffix from <title> (%s)", (_name, title) => {
    const doc = page(`<title>${title}</title>`);
    expect(extractMetadata(doc, URL).title).toBe("Council approves the new budget plan");
  });

  it("keeps a <title> whose separator is part of the headline", () => {
    const doc = page("<title>Spider-Man - a review</title>");
    expect(extractMetadata(doc, URL).title).toBe("Spider-Man - a review");
  });

  it("takes the page's h1 when it is another wording of the declared title", () => {
    // A headline rewritten for sharing, a word changed since: the page prints its own.
    const doc = page(
      meta("property", "og:title", "Ferry strike: talks collapse as crossings stay cancelled") +
        "<title>Ferry strike: talks collapse as crossings stay cancelled | Harbour Post</title>",
      "<main><h1>Ferry strike: talks collapse and crossings stay cancelled for a third day</h1><p>Text.</p></main>",
    );
    expect(extractMetadata(doc, URL)).toMatchObject({
      title: "Ferry strike: talks collapse and crossings stay cancelled for a third day",
      titlePrinted: true,
    });
  });

  it("keeps the declared title when the h1 is it with a kicker run in front", () => {
    const doc = page(
      meta("property", "og:title", "Ferries stay in port for a third day"),
      '<main><h1><span class="kicker">Strike</span> Ferries stay in port for a third day</h1></main>',
    );
    expect(extractMetadata(doc, URL)).toMatchObject({
      title: "Ferries stay in port for a third day",
      titlePrinted: false,
    });
  });

  it("cuts a section name that the page prints as its h1 from the end of the declared title", () => {
    const doc = page(
      "<title>Basic sourdough loaf : Bread recipes</title>",
      "<main><h1>Bread recipes</h1><h2>Basic sourdough loaf</h2></main>",
    );
    expect(extractMetadata(doc, URL).title).toBe("Basic sourdough loaf");
  });

  it("takes the page's one h1 over a declared title that is the site's or the section's name", () => {
    const doc = page(
      meta("property", "og:title", "Press releases") + "<title>Press releases</title>",
      "<main><h1>Vaccination centres open on Sundays until March</h1><p>Text.</p></main>",
    );
    expect(extractMetadata(doc, URL).title).toBe("Vaccination centres open on Sundays until March");
  });

  it("does not take the banner's site name for the headline, and cuts it from <title>", () => {
    const doc = page(
      "<title>Muesli without sugar : Morning Kitchen</title>",
      '<header><div class="logo"><h1>Morning Kitchen</h1></div></header><div><h2>Muesli without sugar</h2><p>Text.</p></div>',
    );
    expect(extractMetadata(doc, URL)).toMatchObject({ title: "Muesli without sugar", titlePrinted: false });
  });

  it("reads an h1 without the text of a style element inside it", () => {
    const doc = page(
      "<title>Site</title>",
      "<main><h1><style>.x{font-size:16px}</style>Bridge reopens after repairs</h1></main>",
    );
    expect(extractMetadata(doc, URL).title).toBe("Bridge reopens after repairs");
  });

  it("falls back to the h1, and is null for an empty page", () => {
    expect(extractMetadata(page("", "<h1>Only a heading</h1>"), URL).title).toBe("Only a heading");
    expect(extractMetadata(page(""), URL).title).toBeNull();
  });
});

describe("authors", () => {
  it("JSON-LD authors win over meta authors when they disagree", () => {
    const doc = page(
      meta("name", "author", "Web Desk") +
        ld({
          "@type": "NewsArticle",
          author: [{ "@type": "Person", name: "Jane Doe" }, { name: "John Roe" }],
        }),
    );
    expect(extractMetadata(doc, URL).authors).toEqual(["Jane Doe", "John Roe"]);
  });

  it("drops a profile URL in article:author and falls through to the next source", () => {
    const doc = page(
      meta("property", "article:author", "https://www.facebook.com/janedoe") +
        meta("name", "author", "By Jane Doe"),
    );
    expect(extractMetadata(doc, URL).authors).toEqual(["Jane Doe"]);
  });

  it("a JSON-LD author that is only a URL yields no name", () => {
    const doc = page(ld({ "@type": "Article", author: "https://www.facebook.com/xyz" }));
    expect(extractMetadata(doc, URL).authors).toEqual([]);
  });

  it("splits a byline in meta author", () => {
    const doc = page(meta("name", "author", "By Jane Doe and John Roe"));
    expect(extractMetadata(doc, URL).authors).toEqual(["Jane Doe", "John Roe"]);
  });

  it("reads Dublin Core in any spelling, and Parse.ly", () => {
    expect(extractMetadata(page(meta("name", "DC.creator", "Ann Lee")), URL).authors).toEqual(["Ann Lee"]);
    expect(extractMetadata(page(meta("name", "dcterms.creator", "Ann Lee")), URL).authors).toEqual([
      "Ann Lee",
    ]);
    expect(extractMetadata(page(meta("name", "parsely-author", "Bo Park")), URL).authors).toEqual([
      "Bo Park",
    ]);
  });

  it("reads microdata authors (nested itemprop=name) and rel=author links", () => {
    const micro = page(
      "",
      '<article><span itemprop="author" itemscope>By <span itemprop="name">Cy Young</span></span><p>x</p></article>',
    );
    expect(extractMetadata(micro, URL).authors).toEqual(["Cy Young"]);
    const rel = page("", '<article><a rel="author" href="/staff/dee">Dee Holt</a></article>');
    expect(extractMetadata(rel, URL).authors).toEqual(["Dee Holt"]);
  });

  it("prefers the reporter in the header byline over an organisation named as author (BBC pattern)", () => {
    const doc = page(
      meta("property", "og:site_name", "BBC News") +
        ld({
          "@type": "ReportageNewsArticle",
          headline: "Harbour town votes",
          author: { "@type": "NewsMediaOrganization", name: "BBC News" },
        }),
      `<article><header><h1>Harbour town votes</h1></header>
        <div data-component="byline-block" class="ssrcss-68pt20-Text-TextContributorName">
          <div><span>By Helen Tregothnan</span><div class="role">BBC News, Cornwall</div></div>
        </div><p>Body.</p></article>`,
    );
    expect(extractMetadata(doc, URL).authors).toEqual(["Helen Tregothnan"]);
  });

  it("keeps the organisation as author when the page names no person", () => {
    const doc = page(
      meta("property", "og:site_name", "BBC News") +
        ld({ "@type": "NewsArticle", author: { "@type": "NewsMediaOrganization", name: "BBC News" } }),
      "<article><h1>Title</h1><p>Body.</p></article>",
    );
    expect(extractMetadata(doc, URL).authors).toEqual(["BBC News"]);
  });

  it("prefers a printed name over a user name in the metadata", () => {
    const doc = page(
      ld({ "@type": "Article", author: "CC7567" }),
      '<article><h1>Title</h1><div class="author-name">James Akinaka • 8h</div></article>',
    );
    expect(extractMetadata(doc, URL).authors).toEqual(["James Akinaka"]);
  });

  it("does not take a byline from past the article header (author boxes, teasers)", () => {
    const doc = page(
      "",
      '<article><h1>Title</h1><p>Body.</p><h2>About the author</h2><div class="author-bio">Jane Doe writes things.</div></article>',
    );
    expect(extractMetadata(doc, URL).authors).toEqual([]);
  });

  it("reads og:article:author like article:author", () => {
    const doc = page(meta("property", "og:article:author", "Jane Doe"));
    expect(extractMetadata(doc, URL).authors).toEqual(["Jane Doe"]);
  });

  it("ignores rel=author links in sidebars", () => {
    const doc = page("", '<aside><a rel="author" href="/staff/x">Other Writer</a></aside>');
    expect(extractMetadata(doc, URL).authors).toEqual([]);
  });
});

describe("dates", () => {
  it("JSON-LD datePublished wins over article:published_time; offsets are kept", () => {
    const doc = page(
      meta("property", "article:published_time", "2021-08-24T10:00:00Z") +
        ld({
          "@type": "NewsArticle",
          datePublished: "2021-08-24T23:01:00+05:30",
          dateModified: "2021-08-25 08:00:00 +0530",
        }),
    );
    const m = extractMetadata(doc, URL);
    expect(m.publishedTime).toBe("2021-08-24T23:01:00+05:30");
    expect(m.modifiedTime).toBe("2021-08-25T08:00:00+05:30");
  });

  it("skips an unreadable date and uses the next source", () => {
    const doc = page(
      ld({ "@type": "NewsArticle", datePublished: "sometime last week" }) +
        meta("property", "article:published_time", "Tue, 24 Aug 2021 17:31:00 GMT"),
    );
    expect(extractMetadata(doc, URL).publishedTime).toBe("2021-08-24T17:31:00Z");
  });

  it("falls back to <time datetime> in the article header", () => {
    const doc = page(
      "",
      '<aside><time datetime="2020-01-01">old</time></aside><article><header><h1>T</h1><time datetime="2021-08-24">Aug 24</time></header></article>',
    );
    expect(extractMetadata(doc, URL).publishedTime).toBe("2021-08-24");
  });
});

describe("siteName", () => {
  it("og:site_name first, then JSON-LD publisher, then application-name; never a twitter handle", () => {
    expect(extractMetadata(page(meta("property", "og:site_name", "Example News")), URL).siteName).toBe(
      "Example News",
    );
    expect(
      extractMetadata(page(ld({ "@type": "NewsArticle", publisher: { name: "Example Media" } })), URL)
        .siteName,
    ).toBe("Example Media");
    expect(extractMetadata(page(meta("name", "application-name", "Example App")), URL).siteName).toBe(
      "Example App",
    );
    expect(extractMetadata(page(meta("name", "twitter:site", "@examplenews")), URL).siteName).toBeNull();
    expect(
      extractMetadata(
        page(meta("name", "twitter:site", "@examplenews") + meta("name", "application-name", "App")),
        URL,
      ).siteName,
    ).toBe("App");
  });

  it("uses the publisher name when og:site_name is that name plus a tagline or domain", () => {
    const doc = page(
      meta("property", "og:site_name", "Aktuálně.cz - Víte, co se právě děje") +
        ld({ "@type": "NewsArticle", publisher: { "@type": "Organization", name: "Aktuálně.cz" } }),
    );
    expect(extractMetadata(doc, URL).siteName).toBe("Aktuálně.cz");
  });
});

describe("canonicalUrl", () => {
  it("resolves a relative canonical against the document URL", () => {
    const doc = page('<link rel="canonical" href="/world/story.html">');
    expect(extractMetadata(doc, URL).canonicalUrl).toBe("https://news.example.com/world/story.html");
  });

  it("resolves against <base href> like the browser does", () => {
    const doc = page('<base href="https://cdn.example.org/mirror/"><link rel="canonical" href="story.html">');
    expect(extractMetadata(doc, URL).canonicalUrl).toBe("https://cdn.example.org/mirror/story.html");
  });

  it("falls back to og:url, then JSON-LD url; ignores a canonical pointing at the site root", () => {
    const doc = page(
      '<link rel="canonical" href="https://news.example.com/">' +
        meta("property", "og:url", "https://news.example.com/og"),
    );
    expect(extractMetadata(doc, URL).canonicalUrl).toBe("https://news.example.com/og");
    const ldOnly = page(
      ld({ "@type": "Article", mainEntityOfPage: { "@id": "https://news.example.com/ld" } }),
    );
    expect(extractMetadata(ldOnly, URL).canonicalUrl).toBe("https://news.example.com/ld");
  });

  it("refuses non-http canonicals", () => {
    const doc = page('<link rel="canonical" href="javascript:alert(1)">');
    expect(extractMetadata(doc, URL).canonicalUrl).toBeNull();
  });
});

describe("lang and dir", () => {
  it("reads <html lang> as written, then xml:lang, then content-language", () => {
    expect(extractMetadata(page("", "", 'lang="pt-BR"'), URL).lang).toBe("pt-BR");
    expect(extractMetadata(page("", "", 'xml:lang="fr"'), URL).lang).toBe("fr");
    expect(extractMetadata(page('<meta http-equiv="content-language" content="de, en">'), URL).lang).toBe(
      "de",
    );
    expect(extractMetadata(page(""), URL).lang).toBeNull();
  });

  it("reads dir from <html>, overridden by <body>; only ltr/rtl", () => {
    expect(extractMetadata(page("", "", 'dir="rtl"'), URL).dir).toBe("rtl");
    const bodyRtl = new JSDOM('<html dir="ltr"><body dir="rtl"><p>x</p></body></html>', { url: URL }).window
      .document;
    expect(extractMetadata(bodyRtl, URL).dir).toBe("rtl");
    expect(extractMetadata(page("", "", 'dir="auto"'), URL).dir).toBeNull();
  });

  it("uses the dir of the single main region when it declares one", () => {
    const doc = page("", '<main dir="rtl"><p>مرحبا</p></main>');
    expect(extractMetadata(doc, URL).dir).toBe("rtl");
  });
});

describe("leadImage", () => {
  it("resolves og:image, takes og:image:alt and the caption of the figure showing the same file", () => {
    const doc = page(
      meta("property", "og:image", "/media/2021/storm-coast-1200x630.jpg?w=1200") +
        meta("property", "og:image:alt", "Waves over the sea wall"),
      `<article><figure><img src="https://cdn.example.com/media/2021/storm-coast-800x450.jpg" alt="x">
        <figcaption>Waves broke over the sea wall on Tuesday. Photo: A. Lee</figcaption></figure></article>`,
    );
    expect(extractMetadata(doc, URL).leadImage).toEqual({
      url: "https://news.example.com/media/2021/storm-coast-1200x630.jpg?w=1200",
      alt: "Waves over the sea wall",
      caption: "Waves broke over the sea wall on Tuesday. Photo: A. Lee",
    });
  });

  it("matches lazy-loaded figures through srcset / data-src", () => {
    const doc = page(
      meta("property", "og:image", "https://cdn.example.com/img/harbour-view.jpg"),
      `<figure><img data-srcset="https://cdn.example.com/img/harbour-view_800w.jpg 800w, https://cdn.example.com/img/harbour-view.jpg 1600w">
        <figcaption>The harbour at dawn.</figcaption></figure>`,
    );
    expect(extractMetadata(doc, URL).leadImage?.caption).toBe("The harbour at dawn.");
  });

  it("leaves screen-reader-only text out of the caption", () => {
    const doc = page(
      meta("property", "og:image", "https://ichef.example.com/news/1024/branded/_1329_marsh-lead.jpg"),
      `<figure><img src="https://ichef.example.com/news/976/cps/_1329_marsh-lead.jpg">
        <figcaption><span class="visually-hidden">Image caption, </span><p>The wall was built in 1871</p></figcaption></figure>`,
    );
    expect(extractMetadata(doc, URL).leadImage?.caption).toBe("The wall was built in 1871");
  });

  it("matches crops of the same source image by its id segment", () => {
    const doc = page(
      meta(
        "property",
        "og:image",
        "https://i.example.co.uk/img/media/df84b519a877d652e950/0_320_4800_2880/master/4800.jpg",
      ),
      `<figure><img src="https://i.example.co.uk/img/media/df84b519a877d652e950/0_507_4039_2693/master/4039.jpg?width=700">
        <figcaption>Whale expert Hori Parata.</figcaption></figure>
       <figure><img src="https://i.example.co.uk/img/media/05cb692c634cd90e5411/0_0_4800_3200/master/4800.jpg">
        <figcaption>Another photo.</figcaption></figure>`,
    );
    expect(extractMetadata(doc, URL).leadImage?.caption).toBe("Whale expert Hori Parata.");
  });

  it("caption is null when no figure shows the image", () => {
    const doc = page(
      meta("property", "og:image", "https://cdn.example.com/img/lead.jpg"),
      '<figure><img src="https://cdn.example.com/img/other.jpg"><figcaption>Another picture</figcaption></figure>',
    );
    expect(extractMetadata(doc, URL).leadImage).toEqual({
      url: "https://cdn.example.com/img/lead.jpg",
      alt: null,
      caption: null,
    });
  });

  it("falls back to twitter:image and JSON-LD image, and skips a site-wide default share image", () => {
    const doc = page(
      meta("property", "og:image", "https://cdn.example.com/static/default-share.png") +
        ld({
          "@type": "NewsArticle",
          image: {
            "@type": "ImageObject",
            url: "https://cdn.example.com/a/real.jpg",
            description: "Real alt",
          },
        }),
    );
    expect(extractMetadata(doc, URL).leadImage).toEqual({
      url: "https://cdn.example.com/a/real.jpg",
      alt: "Real alt",
      caption: null,
    });
    const twitter = page(meta("name", "twitter:image", "https://cdn.example.com/t.jpg"));
    expect(extractMetadata(twitter, URL).leadImage?.url).toBe("https://cdn.example.com/t.jpg");
  });
});

describe("subtitle and description", () => {
  const articleHead = meta("property", "og:type", "article");

  it("an explicit dek element near the h1 wins over declared descriptions", () => {
    const doc = page(
      articleHead + meta("property", "og:description", "A description written for sharing."),
      `<article><header><h1>Storm batters the coast</h1>
        <p class="article-standfirst">Thousands lost power as winds reached 120km/h.</p></header>
        <p>Body text.</p></article>`,
    );
    const m = extractMetadata(doc, URL);
    expect(m.subtitle).toBe("Thousands lost power as winds reached 120km/h.");
    expect(m.description).toBe("A description written for sharing.");
  });

  it("does not take the site's tagline under its name in the banner for a dek", () => {
    for (const href of ["/", "../index.html", "https://news.example.com/"]) {
      const doc = page(
        "",
        `<header><div id="logo"><h1><a href="${href}">example.com</a></h1>
          <p class="sub_title">Notes from a small workshop, since 2004</p></div></header>
          <main><h2>Moving files between Linux and a floppy drive</h2><p>Body text.</p></main>`,
      );
      expect(extractMetadata(doc, URL).subtitle).toBeNull();
    }
  });

  it("still finds the dek under a headline that links to the story itself", () => {
    const doc = page(
      "",
      `<article><h1><a href="/world/2021/08/24/story.html">Storm batters the coast</a></h1>
        <p class="subtitle">Thousands lost power as winds reached 120km/h.</p><p>Body text.</p></article>`,
    );
    expect(extractMetadata(doc, URL).subtitle).toBe("Thousands lost power as winds reached 120km/h.");
  });

  it("takes a block named as the article's abstract under the headline for its dek", () => {
    // CMS templates name the standfirst "abstract" ("article__abstract", "header__abstract").
    const doc = page(
      articleHead,
      `<article><header><div class="header__title"><h1>Heat pumps sell as never before</h1></div>
        <div class="header__abstract">Sales rose by 42 percent on the year before, the trade body says.</div></header>
        <p>Body text.</p></article>`,
    );
    expect(extractMetadata(doc, URL).subtitle).toBe(
      "Sales rose by 42 percent on the year before, the trade body says.",
    );
  });

  it("leaves a byline inside the standfirst out of the dek", () => {
    const doc = page(
      "",
      `<div><div><h1>Headline here</h1></div><div class="standfirst"><p>The dek sentence of this story.</p>
        <p>by <a rel="author" href="/p/jane">Jane Doe</a></p></div></div>`,
    );
    expect(extractMetadata(doc, URL).subtitle).toBe("The dek sentence of this story.");
  });

  it("marks a dek under the article's own headline as printed, a declared description as not", () => {
    const printed = page(
      "<title>Storm hits the coast</title>",
      `<article><h1>Storm hits the coast</h1><p class="standfirst">Thousands lost power as winds reached 120km/h.</p></article>`,
    );
    expect(extractMetadata(printed, URL)).toMatchObject({
      subtitle: "Thousands lost power as winds reached 120km/h.",
      subtitlePrinted: true,
    });
    const declared = page(
      meta("property", "og:type", "article") +
        meta("property", "og:description", "Thousands lost power as winds reached 120km/h."),
      "<article><h1>Storm hits the coast</h1><p>Body.</p></article>",
    );
    expect(extractMetadata(declared, URL)).toMatchObject({
      subtitle: "Thousands lost power as winds reached 120km/h.",
      subtitlePrinted: false,
    });
  });

  it("does not count a site tagline under the site's name as printed with the article", () => {
    // The page's only h1 is the blog's name (not the title, not in an article): its tagline may
    // still be the best subtitle there is, but it is not part of the article's text.
    const doc = page(
      "<title>Moving files between Linux and a C64</title>",
      `<header><div id="logo"><h1>My Blog</h1><p class="sub_title">Thoughts about old computers and new ones.</p></div></header><div><p>Body.</p></div>`,
    );
    expect(extractMetadata(doc, URL).subtitlePrinted).toBe(false);
  });

  it("takes a block named 'lead' as the dek, not a 'lead-image' block", () => {
    const doc = page(
      "<title>Always tired</title>",
      `<main><header><h1>Always tired</h1><div class="lead-image"><p>A woman yawning at her desk in the afternoon.</p></div>
        <div class="lead"><p>Tired all the time for no reason? It may not be the season but a symptom.</p></div></header></main>`,
    );
    expect(extractMetadata(doc, URL)).toMatchObject({
      subtitle: "Tired all the time for no reason? It may not be the season but a symptom.",
      subtitlePrinted: true,
    });
  });

  it("does not take an image's description for a dek, and ignores the body's class names", () => {
    // The body's class names say what the site has (a lightbox for captions), not what a block is.
    const doc = page(
      "<title>Dying of corona</title>",
      `<article><h1>Dying of corona</h1><p class="intro">Must the infected go to hospital? A palliative doctor explains.</p>
        <img src="/a.jpg"><div class="image-description">The intensive care unit in Dresden / picture alliance</div></article>`,
    );
    doc.body.className = "single wp-featherlight-captions";
    expect(extractMetadata(doc, URL).subtitle).toBe(
      "Must the infected go to hospital? A palliative doctor explains.",
    );
    const noIntro = page(
      "<title>Dying of corona</title>",
      `<article><h1>Dying of corona</h1><img src="/a.jpg"><div class="image-description">The intensive care unit in Dresden, in the spring.</div></article>`,
    );
    expect(extractMetadata(noIntro, URL).subtitle).toBeNull();
  });

  it("counts a declared description as printed when the headline is followed by the same text", () => {
    const description = "It has long been known that the gut affects the mind. Now a study names two foods.";
    const doc = page(
      meta("property", "og:type", "article") +
        meta("property", "og:description", description) +
        "<title>Two foods against social anxiety</title>",
      `<article><header><div class="title"><h1>Two foods against social anxiety</h1></div><p class="heading">${description}</p></header><p>Body.</p></article>`,
    );
    expect(extractMetadata(doc, URL)).toMatchObject({ subtitle: description, subtitlePrinted: true });
    const elsewhere = page(
      meta("property", "og:type", "article") +
        meta("property", "og:description", description) +
        "<title>Two foods against social anxiety</title>",
      `<article><h1>Two foods against social anxiety</h1><p>${"Body text. ".repeat(10)}</p></article>`,
    );
    expect(extractMetadata(elsewhere, URL).subtitlePrinted).toBe(false);
  });

  it("does not take an author box for a dek", () => {
    const doc = page(
      "<title>Bridal beauty tips</title>",
      `<main><h1>Bridal beauty tips</h1><div id="author-description"><p>Julia, 27, writes about fashion and photography.</p></div></main>`,
    );
    expect(extractMetadata(doc, URL).subtitle).toBeNull();
  });

  it("ignores dek-like elements after another heading (teasers, body sections)", () => {
    const doc = page(
      "",
      `<div><h1>Headline here</h1><h4>Related</h4><p class="standfirst">A teaser for another story entirely.</p></div>`,
    );
    expect(extractMetadata(doc, URL).subtitle).toBeNull();
  });

  it("then JSON-LD alternativeHeadline (a sentence), then JSON-LD description, then og:description", () => {
    const alt = page(
      ld({ "@type": "NewsArticle", alternativeHeadline: "The winds reached 120km/h.", description: "Desc." }),
    );
    expect(extractMetadata(alt, URL).subtitle).toBe("The winds reached 120km/h.");
    const headlineLike = page(
      ld({
        "@type": "NewsArticle",
        alternativeHeadline: "Storm Hits Coast",
        description: "The JSON-LD description.",
      }),
    );
    expect(extractMetadata(headlineLike, URL).subtitle).toBe("The JSON-LD description.");
    const og = page(articleHead + meta("property", "og:description", "What happened, in one sentence."));
    expect(extractMetadata(og, URL).subtitle).toBe("What happened, in one sentence.");
  });

  it("does not use a truncated description, nor descriptions of non-article pages", () => {
    const truncated = page(
      articleHead + meta("property", "og:description", "Picture a deck of tarot cards. What do you..."),
    );
    const m = extractMetadata(truncated, URL);
    expect(m.subtitle).toBeNull();
    expect(m.description).toBe("Picture a deck of tarot cards. What do you...");
    const home = page(meta("name", "description", "The best news site in the world."));
    expect(extractMetadata(home, URL).subtitle).toBeNull();
  });

  it("description precedence: og:description, then meta description, then twitter, then JSON-LD", () => {
    expect(
      extractMetadata(
        page(meta("name", "description", "Meta.") + meta("property", "og:description", "OG.")),
        URL,
      ).description,
    ).toBe("OG.");
    expect(
      extractMetadata(
        page(ld({ "@type": "Article", description: "LD." }) + meta("name", "description", "Meta.")),
        URL,
      ).description,
    ).toBe("Meta.");
    expect(extractMetadata(page(ld({ "@type": "Article", description: "LD." })), URL).description).toBe(
      "LD.",
    );
  });
});

describe("purity", () => {
  it("does not mutate the document", () => {
    const doc = page(
      meta("property", "og:image", "/a.jpg") + ld({ "@type": "NewsArticle", headline: "H" }),
      '<article><h1>H</h1><p class="dek">A dek that is long enough.</p><figure><img src="/a.jpg"><figcaption>C</figcaption></figure></article>',
    );
    const before = doc.documentElement.outerHTML;
    extractMetadata(doc, URL);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it("returns the full shape for an empty document", () => {
    expect(extractMetadata(page(""), URL)).toEqual({
      canonicalUrl: null,
      title: null,
      titlePrinted: false,
      subtitle: null,
      subtitlePrinted: false,
      authors: [],
      authorsKind: "none",
      siteName: null,
      publishedTime: null,
      modifiedTime: null,
      lang: null,
      dir: null,
      description: null,
      declaresArticle: false,
      recipe: null,
      leadImage: null,
    });
  });
});
