/**
 * A data CSV starts with comment lines ("# ...") holding the file header as YAML (kind,
 * regulation, version, sources, notes...); the table follows. Stripping "# " keeps every
 * preamble line on its original line number, so YAML positions are file positions.
 */
export interface SplitCsv {
  preambleYaml: string;
  table: string;
  tableFirstLine: number;
}

export function splitCsvPreamble(text: string): SplitCsv {
  const content = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines: string[] = [];
  let pos = 0;
  while (pos < content.length && content[pos] === "#") {
    const match = /\r\n|\n|\r/.exec(content.slice(pos));
    const end = match ? pos + match.index : content.length;
    lines.push(content.slice(pos + 1, end).replace(/^ /, ""));
    pos = match ? end + match[0].length : content.length;
  }
  return { preambleYaml: lines.join("\n"), table: content.slice(pos), tableFirstLine: lines.length + 1 };
}

export function formatCsvPreamble(headerYaml: string): string {
  return headerYaml
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => (line === "" ? "#" : `# ${line}`))
    .join("\r\n")
    .concat("\r\n");
}
