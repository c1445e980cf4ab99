/** Copying text to the clipboard from an extension page (Copy as Markdown). */

/** Copies `text`: the Clipboard API, else the selection route (older engines, lost activation). */
export async function copyText(doc: Document, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older engines or a lost user activation: the selection route still works in a click.
    const area = doc.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "folio-offscreen";
    doc.body.append(area);
    area.select();
    const ok = doc.execCommand("copy");
    area.remove();
    if (!ok) throw new Error("copy refused");
  }
}
