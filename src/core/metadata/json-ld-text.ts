/**
 * A JSON-LD script's text as JSON, tolerating what real pages ship: HTML comments and CDATA
 * wrappers, trailing semicolons and commas, raw line breaks inside strings, several objects
 * back to back in one script.
 */

/** Removes the wrappers and slips real pages put around JSON. */
function unwrap(text: string): string {
  return text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, "")
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, "")
    .replace(/^\s*(?:<!--|<!\[CDATA\[)/, "")
    .replace(/(?:-->|\]\]>)\s*$/, "")
    .trim()
    .replace(/;+\s*$/, "");
}

/** Escapes raw control characters inside string literals, drops trailing commas. */
function repair(text: string): string {
  let out = "";
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      else if (ch === "\n") {
        out += "\\n";
        continue;
      } else if (ch === "\r") {
        out += "\\r";
        continue;
      } else if (ch === "\t") {
        out += "\\t";
        continue;
      } else if (ch < " ") continue;
    } else if (ch === '"') inString = true;
    out += ch;
  }
  return out.replace(/,(\s*[}\]])/g, "$1");
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Parses one script's text; undefined when it is not JSON even after repairs. */
export function parseJsonLdText(raw: string): unknown {
  const text = unwrap(raw);
  if (text === "") return undefined;
  const direct = tryParse(text);
  if (direct !== undefined) return direct;
  const repaired = repair(text);
  const second = tryParse(repaired);
  if (second !== undefined) return second;
  // Several objects back to back: {...}{...} or {...},{...}
  if (/^\{[\s\S]*\}$/.test(repaired)) return tryParse(`[${repaired.replace(/\}\s*,?\s*\{/g, "},{")}]`);
  return undefined;
}
