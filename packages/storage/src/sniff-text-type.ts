/**
 * Classifies text formats that file-type does not cover. Returns undefined for anything that is not
 * UTF-8 text without NUL bytes. `complete` says whether the sample is the whole file; when it is not,
 * a multi-byte character cut at the end of the sample is fine and JSON can only be judged by its opening.
 * Markup comes back as text/html, image/svg+xml or application/xml so the caller can refuse it.
 */
export function sniffTextType(sample: Uint8Array, complete: boolean): string | undefined {
  const text = decodeUtf8(sample, complete);
  if (text === undefined || text.includes("\0")) return undefined;
  const start = text.trimStart();
  if (start.startsWith("#!")) return "text/x-shellscript";
  if (start.startsWith("<")) return markupType(start);
  const lines = completeLines(text, complete);
  if (looksLikeJson(start, complete)) return "application/json";
  if (looksLikeYaml(lines)) return "application/yaml";
  if (looksLikeCsv(text, complete)) return "text/csv";
  return "text/plain";
}

function decodeUtf8(sample: Uint8Array, complete: boolean): string | undefined {
  try {
    // A fresh decoder per call: with stream: true it keeps a cut-off trailing character pending instead of failing.
    return new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: !complete });
  } catch {
    return undefined;
  }
}

// Browsers render markup they are handed, so anything that opens with a tag is classified as markup.
function markupType(start: string): string {
  const lower = start.toLowerCase();
  if (/<svg[\s>/]/.test(lower)) return "image/svg+xml";
  if (lower.startsWith("<?xml")) return "application/xml";
  return "text/html";
}

function completeLines(text: string, complete: boolean): string[] {
  const lines = text.split(/\r?\n/);
  if (!complete) lines.pop();
  return lines;
}

function looksLikeJson(start: string, complete: boolean): boolean {
  if (!start.startsWith("{") && !start.startsWith("[")) return false;
  if (complete) {
    try {
      JSON.parse(start);
      return true;
    } catch {
      return false;
    }
  }
  // Large SBOMs do not fit in the sample; their opening must still read like JSON.
  return /^(\{\s*["}]|\[\s*([[{"\]\d-]|true|false|null))/.test(start);
}

const YAML_KEY = /^[\p{L}\p{N}_"'][^:]*:(\s|$)/u;
const YAML_BLOCK_KEY = /^\s*[\p{L}\p{N}_"'][^:]*:\s*(#.*)?$/u;

// YAML cannot be told from prose by a parser (almost any text parses), so ask for structure:
// a directive or document marker, or top-level keys with at least one nested block.
function looksLikeYaml(lines: string[]): boolean {
  const meaningful = lines.filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#")).slice(0, 200);
  const first = meaningful[0];
  if (first === undefined) return false;
  if (/^%YAML\s/.test(first) || /^---(\s|$)/.test(first)) return true;
  if (!YAML_KEY.test(first)) return false;
  const shaped = meaningful.every((line) => YAML_KEY.test(line) || /^\s+\S/.test(line) || /^-(\s|$)/.test(line));
  const nested = meaningful.some((line, index) => {
    const next = meaningful[index + 1];
    return YAML_BLOCK_KEY.test(line) && next !== undefined && /^(\s+\S|-(\s|$))/.test(next);
  });
  return shaped && nested;
}

const CSV_DELIMITERS = [",", ";", "\t"] as const;

// CSV: at least two records with the same number (two or more) of fields for one delimiter.
function looksLikeCsv(text: string, complete: boolean): boolean {
  return CSV_DELIMITERS.some((delimiter) => {
    const counts = fieldCounts(text, delimiter, complete);
    const first = counts[0];
    return counts.length >= 2 && first !== undefined && first >= 2 && counts.every((count) => count === first);
  });
}

// Quote-aware, so delimiters and line breaks inside "quoted fields" do not count.
function fieldCounts(text: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let hasContent = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === delimiter) fields += 1;
    else if (!inQuotes && char === "\n") {
      if (hasContent) counts.push(fields);
      fields = 1;
      hasContent = false;
      continue;
    }
    if (char !== "\r" && char !== " ") hasContent = true;
  }
  if (complete && hasContent) counts.push(fields);
  return counts;
}
