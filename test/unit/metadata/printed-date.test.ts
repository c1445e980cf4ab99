/**
 * The date the article's header prints, when the markup declares none: the forms read, the
 * ones left alone, and where it is looked for.
 */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractMetadata } from "../../../src/core/metadata/index.ts";
import { dateInText } from "../../../src/core/metadata/printed-date.ts";

const URL = "https://news.example.com/2022/story.html";
const page = (head: string, body: string) =>
  new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url: URL }).window
    .document;

describe("dateInText", () => {
  it.each([
    ["Erstellt am 09.02.2022 von der Redaktion", "2022-02-09"],
    ["Datum 1. 3. 2021", "2021-03-01"],
    ["Published: 23. Juli 2017 | Comments closed", "2017-07-23"],
    ["Le 10 décembre 2019 à 19h", "2019-12-10"],
    ["March 4, 2021 · 5 min read", "2021-03-04"],
    ["Updated Sept. 30th 2020", "2020-09-30"],
    ["posted 2023-11-06 by admin", "2023-11-06"],
    ["Wein · Erzeuger 28.01.22 / 0 Kommentare", "2022-01-28"],
    ["Kultur, 2.11.22", "2022-11-02"],
    ["Stand 31.12.99", "1999-12-31"],
    ["Германия 15 августа 2016, 13:43", "2016-08-15"],
    ["Pubblicato il 14 gennaio 2020", "2020-01-14"],
    ["Publicado el 3 de marzo de 2021", "2021-03-03"],
    ["Opublikowano 5 października 2022 r.", "2022-10-05"],
    ["Geplaatst op 9 mei 2019", "2019-05-09"],
    // A first number, word and year that are no date, then a date.
    ["3 Fotos 2020 · 12 March 2020", "2020-03-12"],
  ])("%s", (text, day) => {
    expect(dateInText(text)).toBe(day);
  });

  it("takes the first date written, and none it cannot read without guessing", () => {
    expect(dateInText("Published 2 March 2021, updated 5 March 2021")).toBe("2021-03-02");
    // Day or month first? Europe and the United States disagree.
    expect(dateInText("02/09/2022")).toBeNull();
    // Not dates: a version, an impossible day, a price.
    expect(dateInText("version 1.2.2022.4")).toBeNull();
    expect(dateInText("31.02.2022")).toBeNull();
    expect(dateInText("12.50 EUR")).toBeNull();
    // A short year is not the start of a long one, nor part of a longer dotted number.
    expect(dateInText("Ausgabe 28.01.2022")).toBe("2022-01-28");
    expect(dateInText("version 1.2.22.4")).toBeNull();
    expect(dateInText("Stand 31.12.75")).toBeNull();
  });
});

describe("the date printed in the article's header", () => {
  it("is read when no markup declares one, from the header around the h1", () => {
    const doc = page(
      "<title>Hens and eggs</title>",
      `<div class="top">Montag, 30.11.2026</div><main><div class="post"><div class="head">
        <span class="cat">Garden</span> · <span>14.01.2022</span><h1>Hens and eggs</h1>
        <p class="meta">By Ann</p></div><p>When hens start laying and for how long.</p></div></main>`,
    );
    expect(extractMetadata(doc, URL).publishedTime).toBe("2022-01-14");
  });

  it("never wins over a declared date, and is not read from the headline or past the next heading", () => {
    const declared = page(
      '<meta property="article:published_time" content="2022-01-10T08:00:00+01:00">',
      "<main><h1>Hens and eggs</h1><p>14.01.2022</p></main>",
    );
    expect(extractMetadata(declared, URL).publishedTime).toBe("2022-01-10T08:00:00+01:00");
    const inHeadline = page("", "<main><h1>What changed on 14.01.2022</h1><p>Text.</p></main>");
    expect(extractMetadata(inHeadline, URL).publishedTime).toBeNull();
    const past = page("", "<main><h1>Hens</h1><p>Text.</p><h2>Related</h2><p>14.01.2022</p></main>");
    expect(extractMetadata(past, URL).publishedTime).toBeNull();
  });

  it("is read under the heading that prints the title on a page with no h1", () => {
    const doc = page(
      "<title>Podcasts in Plex | Blog</title>",
      `<div class="post"><h2><a href="/podcasts">Podcasts in Plex</a></h2>
        <p class="date">Erstellt von Fabian am Dienstag 6. Mai 2014</p>
        <div class="entry"><p>How to add a podcast feed to a media server, step by step.</p></div></div>`,
    );
    expect(extractMetadata(doc, URL).publishedTime).toBe("2014-05-06");
  });
});

describe("the date an itemprop=datePublished element prints", () => {
  it("is read from its words when it gives no machine-readable value, wherever it stands", () => {
    const doc = page(
      "<title>Kind krank</title>",
      `<main><h1>Kind krank</h1><p>Was Arbeitgeber wissen müssen.</p><h2>Die Rechte</h2>
        <p>Eltern haben Anspruch auf Freistellung.</p>
        <div class="meta"><span itemprop="datePublished">28. Dezember 2022</span></div></main>`,
    );
    expect(extractMetadata(doc, URL).publishedTime).toBe("2022-12-28");
  });

  it("gives way to its own machine-readable value, and to a declared date", () => {
    const valued = page(
      "",
      '<main><h1>Hens</h1><time itemprop="datePublished" datetime="2022-01-10">Monday</time><p>Text.</p></main>',
    );
    expect(extractMetadata(valued, URL).publishedTime).toBe("2022-01-10");
    const declared = page(
      '<meta property="article:published_time" content="2022-01-10T08:00:00+01:00">',
      '<main><h1>Hens</h1><p>Text.</p><span itemprop="datePublished">28. Dezember 2022</span></main>',
    );
    expect(extractMetadata(declared, URL).publishedTime).toBe("2022-01-10T08:00:00+01:00");
  });
});

describe("the date an element named for it prints", () => {
  it("is read, outside the header and its furniture, when nothing else gives a date", () => {
    const doc = page(
      "<title>Podcasts in Plex</title>",
      `<aside class="sidebar"><span class="post-date">01.01.2020</span></aside>
      <main><h2>Tutorials</h2><h1>Podcasts in Plex</h1><h2>Setup</h2><p>Add the feed as a library.</p>
        <p class="date">Erstellt von Fabian am Dienstag 6. Mai 2014</p></main>`,
    );
    expect(extractMetadata(doc, URL).publishedTime).toBe("2014-05-06");
  });

  it("takes camelCase names and leaves long blocks and other words alone", () => {
    const camel = page(
      "",
      '<main><h1>Bembel</h1><h2>A</h2><span class="itemPostDate">am 25.08.2015 22:30</span></main>',
    );
    expect(extractMetadata(camel, URL).publishedTime).toBe("2015-08-25");
    const long = page(
      "",
      `<main><h1>Bembel</h1><h2>A</h2><div class="date">${"Lorem ipsum dolor sit amet. ".repeat(5)} 25.08.2015</div></main>`,
    );
    expect(extractMetadata(long, URL).publishedTime).toBeNull();
    const other = page(
      "",
      '<main><h1>Bembel</h1><h2>A</h2><span class="update-data">25.08.2015</span></main>',
    );
    expect(extractMetadata(other, URL).publishedTime).toBeNull();
  });
});

describe("furniture around the main content", () => {
  it("does not count the wrappers above <main>: a date in the article's header there is read", () => {
    const doc = page(
      "<title>Aggression and photography</title>",
      `<div id="container" class="nav-header"><main><article><header>
        <h1>Aggression and photography</h1><time datetime="2017-01-26T16:05:25+01:00">26 January 2017</time>
        </header><p>An essay on the camera as a weapon.</p></article>
        <aside class="sidebar"><time datetime="2020-01-01">1 January 2020</time></aside></main></div>`,
    );
    expect(extractMetadata(doc, URL).publishedTime).toBe("2017-01-26T16:05:25+01:00");
  });
});
