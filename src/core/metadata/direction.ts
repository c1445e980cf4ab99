/** The direction (ltr or rtl) the article's text is written in, as the page declares it. */
import { closestWhere } from "../dom.ts";
import type { PageIndex } from "./page-index.ts";

/**
 * Effective direction of the content: HTML inherits `dir` from the nearest ancestor, so a
 * `<body dir>` overrides `<html dir>`, and the page's single main region (`main`, `[role=main]`,
 * or a lone `article`) can override both.
 */
export function readDir(index: PageIndex): "ltr" | "rtl" | null {
  const doc = index.doc;
  const valid = (el: Element | null | undefined): "ltr" | "rtl" | null => {
    const dir = el?.getAttribute("dir")?.trim().toLowerCase();
    return dir === "ltr" || dir === "rtl" ? dir : null;
  };
  const { mains, articles } = index;
  const region = mains.length === 1 ? mains[0] : articles.length === 1 ? articles[0] : null;
  if (region) {
    const declared = closestWhere(region, (el) => el.hasAttribute("dir"));
    // Only a declaration inside <body> is more specific than the body / html ones below.
    if (declared && declared !== doc.documentElement && declared !== doc.body) {
      const dir = valid(declared);
      if (dir) return dir;
    }
  }
  return valid(doc.body) ?? valid(doc.documentElement);
}
