import type { Readable } from "node:stream";
import { advisoryXactLock, tenantDb } from "@hopquy/db";
import { contentKey, isStorageError, type BlobStore } from "@hopquy/storage";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { assertCan } from "../permissions";
import { FILELESS_KINDS } from "./evidence-input";
import { loadEvidenceOrNotFound, refreshSkusOfEvidence } from "./evidence-state";

// Large enough for firmware update packages and full lab reports with photos.
export const MAX_EVIDENCE_FILE_BYTES = 200 * 1024 * 1024;

const STORAGE_REASONS = { FILE_TOO_LARGE: "file_too_large", EMPTY_FILE: "empty_file", UNSUPPORTED_MEDIA_TYPE: "unsupported_media_type" } as const;

export interface EvidenceFileUpload {
  evidenceId: string;
  fileName: string;
  stream: Readable | AsyncIterable<Uint8Array>;
  declaredMediaType?: string;
}

// Streams the file into the blob store (hashing, sniffing and capping on the way), then records the
// next revision. Earlier revisions stay; submitted or accepted evidence returns to draft because
// the reviewer has not seen the new file.
export async function uploadEvidenceRevision(ctx: TenantContext, store: BlobStore, upload: EvidenceFileUpload) {
  assertCan(ctx, "evidence:update");
  const evidenceId = z.string().min(1).max(64).parse(upload.evidenceId);
  const db = tenantDb(ctx.organizationId);
  const evidence = await db.evidence.findUnique({ where: { id: evidenceId }, select: { kind: true } });
  if (!evidence) throw notFound("Evidence");
  if (FILELESS_KINDS.includes(evidence.kind)) throw new AppError("VALIDATION", `${evidence.kind} evidence has no file`, { reason: "kind_without_file" });

  const stored = await store
    .put({
      stream: upload.stream,
      fileName: upload.fileName,
      maxBytes: MAX_EVIDENCE_FILE_BYTES,
      declaredMediaType: upload.declaredMediaType,
      // Firmware images have no recognisable signature; everything else must sniff as an allowed type.
      allowBinary: evidence.kind === "firmware_package",
    })
    .catch((error: unknown) => {
      if (isStorageError(error) && error.code in STORAGE_REASONS) {
        throw new AppError("VALIDATION", error.message, { reason: STORAGE_REASONS[error.code as keyof typeof STORAGE_REASONS], ...error.details });
      }
      throw error;
    });

  return db.$transaction(async (tx) => {
    await advisoryXactLock(tx, `evidence-revision:${evidenceId}`);
    const current = await loadEvidenceOrNotFound(tx, evidenceId);
    const last = await tx.evidenceRevision.findFirst({ where: { evidenceId }, orderBy: { number: "desc" }, select: { number: true } });
    const revision = await tx.evidenceRevision.create({
      data: {
        organizationId: ctx.organizationId,
        evidenceId,
        number: (last?.number ?? 0) + 1,
        sha256: stored.sha256,
        sizeBytes: stored.size,
        mediaType: stored.mediaType,
        fileName: stored.fileName,
        uploadedById: ctx.userId,
        uploadedByEmail: ctx.userEmail,
      },
    });
    const backToDraft = current.reviewState === "submitted" || current.reviewState === "accepted";
    if (backToDraft) await tx.evidence.update({ where: { id: evidenceId }, data: { reviewState: "draft" } });
    await appendAuditEvent(tx, ctx, {
      action: "evidence.revision_uploaded",
      targetType: "evidence",
      targetId: evidenceId,
      after: { number: revision.number, sha256: revision.sha256, sizeBytes: revision.sizeBytes, mediaType: revision.mediaType, fileName: revision.fileName, reviewState: backToDraft ? "draft" : current.reviewState },
    });
    if (backToDraft) await refreshSkusOfEvidence(tx, ctx.organizationId, evidenceId);
    return revision;
  });
}

export interface EvidenceFileDownload {
  stream: Readable;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

async function openRevision(store: BlobStore, revision: { sha256: string; fileName: string; mediaType: string; sizeBytes: number }): Promise<EvidenceFileDownload> {
  const stream = await store.get(contentKey(revision.sha256)).catch((error: unknown) => {
    if (isStorageError(error, "NOT_FOUND")) throw new AppError("NOT_FOUND", "The stored file is missing", { reason: "blob_missing" });
    throw error;
  });
  return { stream, fileName: revision.fileName, mediaType: revision.mediaType, sizeBytes: revision.sizeBytes, sha256: revision.sha256 };
}

export async function openEvidenceRevision(ctx: TenantContext, store: BlobStore, revisionId: string): Promise<EvidenceFileDownload> {
  assertCan(ctx, "evidence:read");
  const revision = await tenantDb(ctx.organizationId).evidenceRevision.findUnique({ where: { id: revisionId.slice(0, 64) } });
  if (!revision) throw notFound("File");
  return openRevision(store, revision);
}

// Blobs are shared by content across tenants (the store is content-addressed); a hash is only
// served when this organization holds a revision with it, so knowing a hash grants nothing.
export async function openEvidenceFileByHash(ctx: TenantContext, store: BlobStore, sha256: string): Promise<EvidenceFileDownload> {
  assertCan(ctx, "evidence:read");
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound("File");
  const revision = await tenantDb(ctx.organizationId).evidenceRevision.findFirst({ where: { sha256 }, orderBy: { createdAt: "asc" } });
  if (!revision) throw notFound("File");
  return openRevision(store, revision);
}

// Re-hashes the stored bytes: shows a user that the file is exactly the one uploaded.
export async function verifyEvidenceRevision(ctx: TenantContext, store: BlobStore, revisionId: string) {
  assertCan(ctx, "evidence:read");
  const revision = await tenantDb(ctx.organizationId).evidenceRevision.findUnique({ where: { id: revisionId.slice(0, 64) } });
  if (!revision) throw notFound("File");
  const intact = await store.verify(contentKey(revision.sha256), revision.sha256).catch((error: unknown) => {
    if (isStorageError(error, "NOT_FOUND")) return false;
    throw error;
  });
  return { revisionId: revision.id, sha256: revision.sha256, intact };
}
