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

// The next rows of the organization's chain, hashed; the caller holds the organization lock.
async function chainRows(tx: TenantTx, actor: AuditActor, events: readonly AuditEventInput[]) {
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: exactly what Postgres stores, so the verifier recomputes the same hash.
  const createdAt = new Date(Math.floor(Date.now()));
  return events.map((event) => {
    seq += 1;
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
    prevHash = hash;
    return {
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
      prevHash: fields.prevHash,
      hash,
    } satisfies Prisma.AuditEventCreateManyInput;
  });
}

// Call inside the same transaction as the change it records: both commit or neither does.
export async function appendAuditEvent(tx: TenantTx, actor: AuditActor, event: AuditEventInput) {
  await lockOrganization(tx, actor.organizationId);
  const [row] = await chainRows(tx, actor, [event]);
  return tx.auditEvent.create({ data: row! });
}

// Several events of one change in a fixed number of queries (set-based jobs such as the expiry sweep).
export async function appendAuditEvents(tx: TenantTx, actor: AuditActor, events: readonly AuditEventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  await lockOrganization(tx, actor.organizationId);
  const { count } = await tx.auditEvent.createMany({ data: await chainRows(tx, actor, events) });
  return count;
}
