import { fileTypeFromBuffer } from "file-type";
import { BINARY_MEDIA_TYPE } from "./allowed-media-types";
import { sniffTextType } from "./sniff-text-type";

/** Bytes read before deciding; enough for file-type and for the OOXML part list at the start of an xlsx/docx. */
export const SNIFF_BYTES = 64 * 1024;

// file-type matches these on two or three printable bytes ("BM" bitmap, "MZ" executable, "ID3" MP3);
// real files of those kinds are not clean UTF-8, so content that is text is judged as text. XML is
// looked at again to name SVG as such. Text formats file-type knows (RTF, PostScript) keep their type.
const RECHECKED_AS_TEXT: ReadonlySet<string> = new Set([
  "image/bmp",
  "application/x-msdownload",
  "audio/mpeg",
  "audio/x-musepack",
  "image/vnd.dwg",
  "application/xml",
]);

/**
 * The media type of content, judged from its first bytes only (never a name or a declared type).
 * `complete` says whether the sample is the whole content.
 */
export async function sniffMediaType(sample: Uint8Array, complete: boolean): Promise<string> {
  const detected = (await fileTypeFromBuffer(sample))?.mime;
  if (detected !== undefined && !RECHECKED_AS_TEXT.has(detected)) return detected;
  return sniffTextType(sample, complete) ?? detected ?? BINARY_MEDIA_TYPE;
}
