/**
 * A small RFC 4180 CSV reader: fields separated by commas, records by CRLF or LF, a field in
 * double quotes may hold commas, line breaks and doubled quotes (`""`). Lenient where exports
 * are sloppy: a byte-order mark is dropped, a quote inside an unquoted field is kept as text, an
 * unclosed quote runs to the end of the file, blank lines are skipped. One linear pass, no
 * regular expressions over the whole text. Cells are text and nothing else: a cell that looks
 * like a spreadsheet formula ("=cmd|...") is kept as the characters it is and never evaluated.
 *
 * Papaparse would do this (and detect delimiters, stream, and run in a worker), but it is about
 * 19 kB minified for what is here 80 lines; the exports Folio reads are all comma-separated.
 */

export interface CsvTable {
  /** The header row's names, trimmed; matched case-insensitively by `column`. */
  header: string[];
  /** The records after the header, each a list of cells (possibly shorter or longer). */
  rows: string[][];
  /** The line each record starts on (1-based, the header is line 1), for the report. */
  lines: number[];
}

/** Reads every record of `text`. */
export function parseCsv(text: string): string[][] & { lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const record: string[] = [];
    const startLine = line;
    let atRecordEnd = false;
    while (!atRecordEnd) {
      let field = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            field += text.slice(i);
            i = n;
            break;
          }
          field += text.slice(i, quote);
          i = quote + 1;
          if (text[i] === '"') {
            field += '"';
            i++;
          } else {
            break;
          }
        }
        for (const ch of field) if (ch === "\n") line++;
        // Anything between the closing quote and the delimiter is kept as text.
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") field += text[i++];
      } else {
        const start = i;
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
        field = text.slice(start, i);
      }
      record.push(field);
      if (i >= n) {
        atRecordEnd = true;
      } else if (text[i] === ",") {
        i++;
      } else {
        if (text[i] === "\r" && text[i + 1] === "\n") i++;
        i++;
        line++;
        atRecordEnd = true;
      }
    }
    const blank = record.length === 1 && record[0] === "";
    if (!blank) {
      records.push(record);
      lines.push(startLine);
    }
  }
  return Object.assign(records, { lines });
}

/** The table of `text`: its first record is the header. Null when the text has no records. */
export function csvTable(text: string): CsvTable | null {
  const all = parseCsv(text);
  if (all.length === 0) return null;
  return {
    header: all[0]!.map((name) => name.trim()),
    rows: all.slice(1),
    lines: all.lines.slice(1),
  };
}

/**
 * The index of the column named `name` (any case, surrounding spaces ignored), or -1. Readers
 * go by name, so a file with its columns in another order, or with extra ones, reads the same.
 */
export function column(table: Pick<CsvTable, "header">, name: string): number {
  const wanted = name.toLowerCase();
  return table.header.findIndex((h) => h.toLowerCase() === wanted);
}

/** The cell of `row` in column `index`, or "" when the column or the cell is absent. */
export function cell(row: readonly string[], index: number): string {
  return index < 0 ? "" : (row[index] ?? "");
}
