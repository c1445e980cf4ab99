/**
 * The lines of a report folded under its summary (an import's skipped rows, the pages a fetch
 * could not read), each with its reason: text only, and at most {@link MAX_REPORT_LINES} of
 * them, the rest counted, so a report of thousands of failures stays a short list.
 */
import { formatNumber } from "../library/format.ts";

/** Most lines a report shows. */
export const MAX_REPORT_LINES = 200;

export function showReportLines(
  doc: Document,
  list: HTMLElement,
  lines: readonly string[],
  locale?: string,
): void {
  const items = lines.slice(0, MAX_REPORT_LINES).map((line) => {
    const li = doc.createElement("li");
    li.textContent = line;
    return li;
  });
  if (lines.length > MAX_REPORT_LINES) {
    const li = doc.createElement("li");
    li.textContent = `…and ${formatNumber(lines.length - MAX_REPORT_LINES, locale)} more`;
    items.push(li);
  }
  list.replaceChildren(...items);
}
