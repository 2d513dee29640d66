import { AppError, MAX_EVIDENCE_FILE_BYTES, uploadEvidenceRevision } from "@hopquy/core";
import { getBlobStore } from "@/lib/blob-store";
import { tenantRoute } from "@/lib/tenant-route";

// POST the raw file as the body, its name in X-File-Name (URI-encoded). A route handler rather than
// a server action because actions buffer the whole body in memory; this streams into the store.
// The custom header cannot be sent cross-site without a CORS preflight (which we never grant), and
// the Origin check refuses form posts from other sites.
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

export const POST = tenantRoute<{ orgSlug: string; evidenceId: string }>("evidence:update", async (ctx, request, { evidenceId }) => {
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
  if (declaredLength > MAX_EVIDENCE_FILE_BYTES) throw new AppError("VALIDATION", "File too large", { reason: "file_too_large" });
  if (!request.body) throw new AppError("VALIDATION", "Empty file", { reason: "empty_file" });
  const revision = await uploadEvidenceRevision(ctx, getBlobStore(), {
    evidenceId,
    fileName,
    stream: request.body as unknown as AsyncIterable<Uint8Array>,
    declaredMediaType: request.headers.get("content-type") ?? undefined,
  });
  return { revision: { id: revision.id, number: revision.number, sha256: revision.sha256, sizeBytes: revision.sizeBytes, mediaType: revision.mediaType, fileName: revision.fileName } };
});
