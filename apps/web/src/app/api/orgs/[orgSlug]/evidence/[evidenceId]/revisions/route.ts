import { MAX_EVIDENCE_FILE_BYTES, uploadEvidenceRevision } from "@hopquy/core";
import { getBlobStore } from "@/lib/blob-store";
import { tenantRoute } from "@/lib/tenant-route";
import { readUploadRequest } from "@/lib/upload-request";

// POST the raw file as the body, its name in X-File-Name (see readUploadRequest).
export const POST = tenantRoute<{ orgSlug: string; evidenceId: string }>("evidence:update", async (ctx, request, { evidenceId }) => {
  const upload = readUploadRequest(request, MAX_EVIDENCE_FILE_BYTES);
  const revision = await uploadEvidenceRevision(ctx, getBlobStore(), { evidenceId, ...upload });
  return { revision: { id: revision.id, number: revision.number, sha256: revision.sha256, sizeBytes: revision.sizeBytes, mediaType: revision.mediaType, fileName: revision.fileName } };
});
