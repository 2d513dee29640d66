/** Most filesystems cap a name at 255 bytes; counted in UTF-8 so Vietnamese names fit too. */
export const MAX_FILE_NAME_BYTES = 255;

const FALLBACK_NAME = "file";
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Controls, format characters (bidi overrides such as U+202E that make "evil\u202Efdp.exe" display as
// "evilexe.pdf", zero-width spaces, BOM) and unpaired surrogates never belong in a file name. The
// zero-width (non-)joiners stay: emoji sequences and several scripts need them.
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}]/gu;
// Illegal in Windows names; `"` and `\` would also break a quoted Content-Disposition filename.
const UNSAFE = /[<>:"|?*]/g;
const SPACES = /[\p{Zs}]+/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;

const utf8Length = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * Turns a client-supplied file name into one that is safe to store, show and send in a
 * Content-Disposition header: the last path segment only, NFC, no control or invisible characters,
 * no characters Windows or header quoting reject, at most MAX_FILE_NAME_BYTES with the extension
 * kept; "file" when nothing is left.
 */
export function sanitizeFileName(name: string, maxBytes: number = MAX_FILE_NAME_BYTES): string {
  const visible = name.normalize("NFC").replace(LINE_BREAKS, " ").replace(INVISIBLE, "");
  // Both separators count: a name typed on Windows arrives with backslashes.
  const baseName = visible.split(/[/\\]/).pop() ?? "";
  let cleaned = baseName
    .replace(UNSAFE, "_")
    .replace(SPACES, " ")
    .replace(/^ +/, "")
    // Windows drops trailing dots and spaces, and "." / ".." must never survive as names.
    .replace(/[. ]+$/, "");
  if (WINDOWS_DEVICE.test(cleaned)) cleaned = `_${cleaned}`;
  cleaned = truncate(cleaned, maxBytes);
  return cleaned === "" ? FALLBACK_NAME : cleaned;
}

function truncate(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const found = EXTENSION.exec(name)?.[0] ?? "";
  const extension = utf8Length(found) < maxBytes ? found : "";
  const stemBudget = maxBytes - utf8Length(extension);
  let stem = "";
  let stemBytes = 0;
  // Cut on grapheme boundaries so a letter never loses its diacritic and no emoji is split.
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(name.slice(0, name.length - extension.length))) {
    const bytes = utf8Length(segment);
    if (stemBytes + bytes > stemBudget) break;
    stem += segment;
    stemBytes += bytes;
  }
  return `${stem.replace(/[. ]+$/, "")}${extension}`;
}
