import { tenantDb } from "@hopquy/db";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { computeAuditHash, GENESIS_HASH } from "./audit-hash";

export type AuditChainResult =
  | { intact: true; checked: number }
  | { intact: false; checked: number; brokenAtSeq: number; reason: "hash_mismatch" | "prev_hash_mismatch" | "sequence_gap" };

const PAGE = 500;

// Walks the organization's chain in order and recomputes every hash.
export async function verifyAuditChain(ctx: TenantContext): Promise<AuditChainResult> {
  assertCan(ctx, "audit:verify");
  const db = tenantDb(ctx.organizationId);
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: PAGE,
    });
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { intact: false, checked, brokenAtSeq: expectedSeq, reason: "sequence_gap" };
      if (row.prevHash !== expectedPrev) return { intact: false, checked, brokenAtSeq: row.seq, reason: "prev_hash_mismatch" };
      const recomputed = computeAuditHash({
        organizationId: row.organizationId,
        seq: row.seq,
        actorId: row.actorId,
        actorEmail: row.actorEmail,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        before: row.before,
        after: row.after,
        createdAt: row.createdAt,
        prevHash: row.prevHash,
      });
      if (recomputed !== row.hash) return { intact: false, checked, brokenAtSeq: row.seq, reason: "hash_mismatch" };
      expectedPrev = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) return { intact: true, checked };
  }
}
