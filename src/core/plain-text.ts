/**
 * Plain text of the article with whitespace between blocks. `textContent` would glue
 * "...end.</p><p>Next..." into "end.Next", which breaks search, word counts and snippets.
 */

const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "td",
  "th",
  "tr",
  "ul",
  "caption",
]);

/** `skip`: elements whose text is not counted (the sanitizer would drop them with their text). */
export function plainText(root: Element, skip?: (el: Element) => boolean): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out.push(child.nodeValue ?? "");
      } else if (child.nodeType === 1) {
        const name = (child as Element).localName;
        // Ruby annotations (furigana readings, their fallback parentheses) are not the text:
        // "子<rt>こ</rt>ども" reads 子ども.
        if (name === "rt" || name === "rp") continue;
        if (skip?.(child as Element)) continue;
        const block = BLOCK.has(name);
        if (block) out.push("\n\n");
        if (name === "td" || name === "th") out.push(" ");
        walk(child);
        if (block) out.push("\n\n");
      }
    }
  };
  walk(root);
  return out
    .join("")
    .split(/\n{2,}/)
    .map((block) => block.replace(/[ \t\f\r\n\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}
