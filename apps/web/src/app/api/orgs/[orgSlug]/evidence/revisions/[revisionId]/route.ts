import { Readable } from "node:stream";
import { openEvidenceRevision } from "@hopquy/core";
import { getBlobStore } from "@/lib/blob-store";
import { tenantRoute } from "@/lib/tenant-route";
import { fileResponse } from "@/lib/user-route";

// GET one stored revision of an evidence file, as an attachment.
export const GET = tenantRoute<{ orgSlug: string; revisionId: string }>("evidence:read", async (ctx, _request, { revisionId }) => {
  const file = await openEvidenceRevision(ctx, getBlobStore(), revisionId);
  const response = fileResponse({ fileName: file.fileName, contentType: file.mediaType, body: Readable.toWeb(file.stream) as ReadableStream<Uint8Array> });
  response.headers.set("Content-Length", String(file.sizeBytes));
  response.headers.set("X-Content-SHA256", file.sha256);
  return response;
});
