/**
 * The page's two message lines: an alert (a failure the reader must read, role=alert) and an
 * info line (a result, role=status: "Imported: 3 added…"), each with a Dismiss button, so a
 * result stays until the reader is done with it and no longer. The info line can carry details
 * (an import's skipped rows with their reasons) folded under a summary. Text only.
 */
import type { PageElements } from "./page.ts";
import { showReportLines } from "./report-list.ts";

export interface Messages {
  alert(text: string | null): void;
  info(text: string | null, details?: { summary: string; lines: string[] }): void;
}

export function messages(doc: Document, ui: PageElements): Messages {
  const alert = (text: string | null) => {
    ui.alert.textContent = text ?? "";
    ui.alertBox.hidden = !text;
  };
  const info: Messages["info"] = (text, details) => {
    ui.info.textContent = text ?? "";
    ui.infoBox.hidden = !text;
    ui.report.hidden = !(text && details?.lines.length);
    ui.report.open = false;
    ui.reportList.replaceChildren();
    if (!text || !details?.lines.length) return;
    ui.reportSummary.textContent = details.summary;
    showReportLines(doc, ui.reportList, details.lines);
  };
  ui.alertClose.addEventListener("click", () => alert(null));
  ui.infoClose.addEventListener("click", () => info(null));
  return { alert, info };
}
