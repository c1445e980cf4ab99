/**
 * Bylines whose parts ran together. A byline's pieces are often separate elements laid out by
 * CSS (the "By" label, the name link, a job title, a social handle, a second copy of the name for
 * small screens), and read as text they touch: "ByJane Doe", "Jane DoeSenior Reporter",
 * "Jane Doe@janedoe", "Jane DoeJane Doe", "Jane Doe\njanedoe". This pass puts the seams back
 * (a space or a line break) or drops the copy, before authors.ts cuts and splits the byline.
 */

/** The byline word glued to the name: "ByJane Doe", "VonJane Roe" (a capital, then lower case). */
const GLUED_BY = /^(By|BY|Von|VON|Par|Por|Door)(?=\p{Lu}\p{Ll})/u;

/**
 * Words that start what follows a name, glued to its last letter: a job title ("Jane
 * DoeSenior Reporter") or an update line ("Jane DoeUpdated 3 hours ago"). Only these: a capital
 * inside a word is also a name's own ("McDonald", "DeVries", "MacKenzie").
 */
const GLUED_TAIL =
  /(?<=\p{Ll})(?=(?:Senior|Staff|Chief|Associate|Deputy|Contributing|Reporter|Correspondent|Editor|Writer|Columnist|Contributor|Producer|Photographer|Redakteur|Redakteurin|Autor|Autorin|Updated|Published|Posted|Aktualisiert|Veröffentlicht|Follow)\b)/gu;

/** A social handle glued to the name: "Jane Doe@janedoe" (not an e-mail: no dot after it). */
const GLUED_HANDLE = /(?<=\p{L})@\w+(?=\s|$)/gu;

/** Lower-case words that join names across lines; never a handle. */
const CONNECTORS = /^(?:and|und|et|y|e|with|mit|avec|con|von|by|par|por|door|of|de|da|di)$/;

/** A line that is only a user name: one lower-case token ("janedoe", "jane_doe", "@janedoe"). */
const HANDLE_LINE = /^@?[\p{Ll}\d_.]{4,}$/u;

/** "Jane DoeJane Doe", "Jane Doe Jane Doe": the same name twice in a row, once. */
export function onceIfRepeated(value: string): string {
  const text = value.trim();
  for (const gap of [0, 1]) {
    const half = (text.length - gap) / 2;
    if (!Number.isInteger(half) || half < 3) continue;
    const first = text.slice(0, half);
    if (gap === 1 && text[half] !== " ") continue;
    if (first === text.slice(half + gap) && /\p{L}/u.test(first)) return first;
  }
  return text;
}

/** The byline with its seams back: see the top of this file. */
export function unglue(raw: string): string {
  const lines = raw
    .split(/\r?\n|\r/)
    .map((line) =>
      onceIfRepeated(line.replace(GLUED_BY, "$1 ").replace(GLUED_TAIL, "\n").replace(GLUED_HANDLE, " ")),
    );
  const out: string[] = [];
  for (const line of lines.join("\n").split("\n")) {
    const trimmed = line.trim();
    // "Jane Doe\njanedoe": the account's name printed under the person's.
    const named = out.some((l) => /\p{Lu}\p{Ll}/u.test(l.replace(/^\s*(?:by|von|par|por|door)\b/i, "")));
    if (named && HANDLE_LINE.test(trimmed) && !CONNECTORS.test(trimmed)) continue;
    out.push(line);
  }
  return out.join("\n");
}
