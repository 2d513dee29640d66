import { attachImportArchive, MAX_ARCHIVE_BYTES } from "@hopquy/core";
import { getBlobStore } from "@/lib/blob-store";
import { tenantRoute } from "@/lib/tenant-route";
import { readUploadRequest } from "@/lib/upload-request";

// POST the ZIP of an evidence register's files as the raw body (see readUploadRequest).
export const POST = tenantRoute<{ orgSlug: string; runId: string }>("evidence:create", async (ctx, request, { runId }) => {
  const { fileName, stream } = readUploadRequest(request, MAX_ARCHIVE_BYTES);
  return { archive: await attachImportArchive(ctx, getBlobStore(), { runId, fileName, stream }) };
});
