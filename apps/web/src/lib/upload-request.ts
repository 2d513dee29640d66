import { AppError } from "@hopquy/core";

// A raw-body upload to a route handler: the file as the body, its name in X-File-Name (URI-encoded).
// Route handlers rather than server actions, because actions buffer the whole body in memory; these
// stream into the store. The custom header cannot be sent cross-site without a CORS preflight (which
// we never grant), and the Origin check refuses form posts from other sites.
export function readUploadRequest(request: Request, maxBytes: number) {
  if (!sameOrigin(request)) throw new AppError("FORBIDDEN", "Cross-site upload refused", { reason: "cross_site" });
  const encodedName = request.headers.get("x-file-name");
  if (!encodedName) throw new AppError("VALIDATION", "X-File-Name header missing", { reason: "file_name_missing" });
  let fileName: string;
  try {
    fileName = decodeURIComponent(encodedName);
  } catch {
    throw new AppError("VALIDATION", "X-File-Name is not URI-encoded", { reason: "file_name_invalid" });
  }
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > maxBytes) throw new AppError("VALIDATION", "File too large", { reason: "file_too_large" });
  if (!request.body) throw new AppError("VALIDATION", "Empty file", { reason: "empty_file" });
  return { fileName, stream: request.body as unknown as AsyncIterable<Uint8Array>, declaredMediaType: request.headers.get("content-type") ?? undefined };
}

// Compared with the Host the browser addressed (request.url is rebuilt by Next and may name another host).
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}
