import { Readable } from "node:stream";
import { openEvidenceFileByHash } from "@hopquy/core";
import { getBlobStore } from "@/lib/blob-store";
import { tenantRoute } from "@/lib/tenant-route";
import { fileResponse } from "@/lib/user-route";

// GET a file by its sha256, e.g. the hash printed in a dossier manifest. Only hashes this
// organization has uploaded resolve; the same content held by another tenant is "not found".
export const GET = tenantRoute<{ orgSlug: string; sha256: string }>("evidence:read", async (ctx, _request, { sha256 }) => {
  const file = await openEvidenceFileByHash(ctx, getBlobStore(), sha256.toLowerCase());
  const response = fileResponse({ fileName: file.fileName, contentType: file.mediaType, body: Readable.toWeb(file.stream) as ReadableStream<Uint8Array> });
  response.headers.set("Content-Length", String(file.sizeBytes));
  response.headers.set("X-Content-SHA256", file.sha256);
  return response;
});
