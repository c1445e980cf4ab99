/**
 * The generated page bench:popup and bench:injection read: a news article over a comment thread
 * of about 200,000 elements, the same every run.
 */

/** Deterministic pseudo-random numbers, so every run generates the same page. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const WORDS = (
  "the council river bridge night library reading shift workers opened doors city budget winter flood " +
  "residents said plan vote street market school harbour weather train station morning evening report"
).split(" ");

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = out.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * A news article of 40 paragraphs over a comment thread of about 200,000 elements (threads of
 * nested replies, each comment with its author, date, text, and reply/like/report buttons), as
 * a big site's comments section renders them.
 */
export function generatedPage(): { html: string; elements: number } {
  const next = rng(42);
  const paragraphs = Array.from(
    { length: 40 },
    (_, i) => `<p>${sentence(next, 18)} ${sentence(next, 22)} ${i % 3 === 0 ? sentence(next, 14) : ""}</p>`,
  ).join("\n");
  const comment = (n: number, depth: number): string =>
    `<li class="comment" id="comment-${n}"><article class="comment-body">` +
    `<header class="comment-meta"><img class="avatar" src="/img/a.png" alt="" width="32" height="32">` +
    `<a class="comment-author" href="/user/${n}">reader${n}</a> <time datetime="2026-11-2${n % 9}T10:00:00Z">${n % 50} minutes ago</time></header>` +
    `<div class="comment-content"><p>${sentence(next, 6 + (n % 20))}</p></div>` +
    `<footer class="comment-actions"><button class="reply">Reply</button><button class="like">Like <span>${n % 40}</span></button><a class="report" href="#r${n}">Report</a></footer>` +
    `</article>${depth < 2 && n % 3 === 0 ? `<ol class="children">${comment(n + 1, depth + 1)}</ol>` : ""}</li>`;
  const comments: string[] = [];
  let elements = 0;
  for (let n = 0; elements < 197_000; n += 2) {
    const c = comment(n, 0);
    elements += c.match(/<[a-z]/g)!.length;
    comments.push(c);
  }
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The night the river came back - The Daily Example</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Ada Reporter"><meta property="article:published_time" content="2026-11-28T08:00:00Z">
</head><body>
<header class="site-header"><a href="/">The Daily Example</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article class="story">
<h1>The night the river came back</h1>
<p class="byline">By Ada Reporter</p>
${paragraphs}
</article>
<section class="comments" id="comments"><h2>${comments.length} comments</h2><ol class="comment-list">
${comments.join("\n")}
</ol></section></main>
<footer class="site-footer"><p>© The Daily Example</p></footer>
</body></html>`;
  return { html, elements: html.match(/<[a-z]/g)!.length };
}
