/**
 * Downloads made by the page itself: a Blob URL on an `<a download>` click. Extension pages
 * may do this in Chrome and Firefox alike, so Folio needs no `downloads` permission. The URL
 * is revoked a minute later (the browser has started reading it by then).
 */
export function downloadBlob(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(doc: Document, text: string | string[], name: string, type: string): void {
  downloadBlob(doc, new Blob(Array.isArray(text) ? text : [text], { type }), name);
}
