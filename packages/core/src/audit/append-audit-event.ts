import { lockOrganization, type Prisma, type TenantTx } from "@hopquy/db";
import { computeAuditHash, GENESIS_HASH } from "./audit-hash";

export interface AuditActor {
  organizationId: string;
  userId: string | null;
  userEmail: string | null;
}

export interface AuditEventInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

// Call inside the same transaction as the change it records: both commit or neither does.
export async function appendAuditEvent(tx: TenantTx, actor: AuditActor, event: AuditEventInput) {
  await lockOrganization(tx, actor.organizationId);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: exactly what Postgres stores, so the verifier recomputes the same hash.
  const createdAt = new Date(Math.floor(Date.now()));
  const fields = {
    organizationId: actor.organizationId,
    seq,
    actorId: actor.userId,
    actorEmail: actor.userEmail,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    createdAt,
    prevHash,
  };
  const hash = computeAuditHash(fields);
  return tx.auditEvent.create({
    data: {
      organizationId: actor.organizationId,
      seq,
      actorId: fields.actorId,
      actorEmail: fields.actorEmail,
      action: fields.action,
      targetType: fields.targetType,
      targetId: fields.targetId,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
      createdAt,
      prevHash,
      hash,
    },
  });
}
