/**
 * Whether a document is a web page at all. Browsers open PDFs, images, plain text and XML in
 * documents of their own (Chromium's PDF viewer is such a document, with the PDF's type), and
 * Readability finds nothing to read in them: Folio says what the document is instead of "this
 * does not look like an article".
 */

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/** What `doc` is, in words, when it is not an HTML page; null for a web page. */
export function nonHtmlDocument(doc: Document): { type: string; name: string } | null {
  const type = (doc.contentType || "text/html").toLowerCase();
  if (HTML_TYPES.has(type)) return null;
  return { type, name: describeType(type) };
}

function describeType(type: string): string {
  if (type === "application/pdf") return "a PDF document";
  if (type.startsWith("image/")) return "an image";
  if (type.startsWith("video/")) return "a video";
  if (type.startsWith("audio/")) return "an audio file";
  if (type === "text/plain") return "a plain text file";
  if (type.includes("xml")) return "an XML document";
  if (type.includes("json")) return "a JSON document";
  return `a ${type} document`;
}
