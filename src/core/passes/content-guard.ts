/**
 * The guard every container removal asks first. Class names lie: a site may wrap the whole
 * story in `<div class="has-ads">` or `<section class="article-related-wrapper">`. A container
 * that holds the headline, the byline or real prose (several long paragraphs, or a lot of text that is not links) is
 * content, whatever its class says, and is never removed by a class-name rule.
 */

const PROSE_PARAGRAPH_CHARS = 120;
const BYLINE = "[rel~='author'], [itemprop~='author'], [class*='byline' i]";

export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll("a")) n += (a.textContent ?? "").length;
  return n;
}

export function looksLikeContent(el: Element): boolean {
  // The headline and the byline belong to the story: no ad slot or promo box contains them
  // (and Readability reads the byline from the page, so it must still be there).
  if (el.localName === "h1" || el.getElementsByTagName("h1").length > 0) return true;
  if (el.querySelector(BYLINE)) return true;
  const text = el.textContent ?? "";
  if (text.length < 250) return false;
  let prose = 0;
  for (const p of el.querySelectorAll("p")) {
    const len = (p.textContent ?? "").trim().length;
    if (len >= PROSE_PARAGRAPH_CHARS && linkTextLength(p) < len * 0.5 && ++prose >= 2) return true;
  }
  const compact = text.replace(/\s+/g, " ").length;
  return compact >= 1500 && linkTextLength(el) < compact * 0.3;
}
