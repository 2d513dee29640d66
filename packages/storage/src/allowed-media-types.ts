/** Content types put accepts, decided by sniffing only. */
export const ALLOWED_MEDIA_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "application/zip",
  "application/x-tar",
  "application/gzip",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "text/csv",
  "text/plain",
  "application/json",
  "application/yaml",
] as const;

/** What unrecognised binary content (firmware images) is stored as, only with `allowBinary: true`. */
export const BINARY_MEDIA_TYPE = "application/octet-stream";

export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

const allowed: ReadonlySet<string> = new Set(ALLOWED_MEDIA_TYPES);

export function isAllowedMediaType(mediaType: string, options: { allowBinary?: boolean } = {}): boolean {
  return allowed.has(mediaType) || (options.allowBinary === true && mediaType === BINARY_MEDIA_TYPE);
}
