export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  fields: string[];
}

export type CsvDelimiter = "," | ";" | "\t";

export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * RFC 4180 reader: comma-separated (or semicolon / tab, as spreadsheets in other locales write), fields optionally in double quotes with "" for a quote and
 * embedded commas / line breaks; CRLF, LF or CR line endings; a leading BOM is ignored; blank
 * lines are skipped. Every problem is reported with its line, and reading goes on after it.
 */
export function parseCsv(text: string, firstLine = 1, delimiter: CsvDelimiter = ","): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let pos = text.startsWith("\uFEFF") ? 1 : 0;
  let line = firstLine;

  const atLineBreak = () => text[pos] === "\n" || text[pos] === "\r";
  const consumeLineBreak = () => {
    if (text[pos] === "\r" && text[pos + 1] === "\n") pos++;
    pos++;
    line++;
  };

  while (pos < text.length) {
    const recordLine = line;
    const fields: string[] = [];
    let broken = false;

    for (;;) {
      let field = "";
      if (text[pos] === '"') {
        const openLine = line;
        pos++;
        let closed = false;
        while (pos < text.length) {
          const char = text[pos];
          if (char === '"') {
            if (text[pos + 1] === '"') {
              field += '"';
              pos += 2;
              continue;
            }
            pos++;
            closed = true;
            break;
          }
          if (char === "\n" || (char === "\r" && text[pos + 1] !== "\n")) line++;
          field += char;
          pos++;
        }
        if (!closed) {
          problems.push({ line: openLine, message: `unclosed quoted field (the quote opened on line ${openLine} is never closed)` });
          broken = true;
          break;
        }
        if (pos < text.length && text[pos] !== delimiter && !atLineBreak()) {
          problems.push({ line, message: "unexpected text after a closing quote (a quote inside a field must be doubled)" });
          broken = true;
          while (pos < text.length && text[pos] !== delimiter && !atLineBreak()) field += text[pos++];
        }
      } else {
        while (pos < text.length && text[pos] !== delimiter && !atLineBreak()) field += text[pos++];
        if (field.includes('"')) {
          problems.push({ line, message: "a double quote inside an unquoted field (quote the whole field and double the quote)" });
          broken = true;
        }
      }
      fields.push(field);
      if (text[pos] === delimiter) {
        pos++;
        continue;
      }
      break;
    }

    if (pos < text.length) consumeLineBreak();
    const blank = fields.length === 1 && fields[0] === "";
    if (!broken && !blank) records.push({ line: recordLine, fields });
  }
  return { records, problems };
}
