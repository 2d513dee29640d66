import { tenantDb, type AuditEvent } from "@hopquy/db";
import { createTestUser, executeRawSqlForTest } from "@hopquy/db/testing";
import { describe, expect, it } from "vitest";
import type { TenantContext } from "../context";
import { inviteMember } from "../invitations/invite-member";
import { changeMemberRole } from "../members/change-member-role";
import { createOrganizationForUser } from "../organizations/create-organization-for-user";
import { resolveTenantContext } from "../organizations/resolve-tenant-context";
import { updateOrganization } from "../organizations/update-organization";
import { auditEventsOf, createTeam, expectAppError, uniqueEmail } from "../testing/fixtures";
import { computeAuditHash, GENESIS_HASH, type AuditHashInput } from "./audit-hash";
import { listAuditEvents } from "./list-audit-events";
import { verifyAuditChain } from "./verify-audit-chain";

// An organization created the real way (seq 1 = organization.created) plus `actions` more events.
async function organizationWithHistory(actions = 4): Promise<{ ctx: TenantContext; organizationId: string }> {
  const owner = await createTestUser();
  const organization = await createOrganizationForUser(owner.id, { name: "Chuỗi Kiểm Toán" });
  const ctx = await resolveTenantContext(owner, organization.slug);
  for (let i = 0; i < actions; i++) {
    if (i % 2 === 0) await updateOrganization(ctx, { name: `Renamed ${i}`, kind: i % 4 === 0 ? "importer" : "consultancy" });
    else await inviteMember(ctx, { email: uniqueEmail(), role: "viewer" });
  }
  return { ctx, organizationId: organization.id };
}

// The hashed fields of a stored row (computeAuditHash hashes whatever it is given, so pick them).
function hashInputOf(row: AuditEvent): AuditHashInput {
  const { organizationId, seq, actorId, actorEmail, action, targetType, targetId, before, after, createdAt, prevHash } = row;
  return { organizationId, seq, actorId, actorEmail, action, targetType, targetId, before, after, createdAt, prevHash };
}

const q = (value: string) => `'${value.replace(/'/g, "''")}'`;

// Acts like an attacker with database access: the append-only trigger is switched off for the edit.
async function tamper(sql: string): Promise<void> {
  await executeRawSqlForTest('ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_or_delete"');
  try {
    await executeRawSqlForTest(sql);
  } finally {
    await executeRawSqlForTest('ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_no_update_or_delete"');
  }
}

describe("audit chain", () => {
  it("numbers events 1..n per organization, each linked to the previous hash", async () => {
    const { ctx, organizationId } = await organizationWithHistory(4);
    const events = await auditEventsOf(organizationId);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events.map((e) => e.action)).toEqual([
      "organization.created",
      "organization.updated",
      "invitation.created",
      "organization.updated",
      "invitation.created",
    ]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    for (const e of events) {
      expect(e.hash).toBe(computeAuditHash(hashInputOf(e)));
    }
    expect(await verifyAuditChain(ctx)).toEqual({ intact: true, checked: 5 });
  });

  it("each organization has its own chain starting at 1", async () => {
    const a = await organizationWithHistory(2);
    const b = await organizationWithHistory(1);
    expect((await auditEventsOf(a.organizationId)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await auditEventsOf(b.organizationId)).map((e) => e.seq)).toEqual([1, 2]);
    expect((await auditEventsOf(b.organizationId))[0]!.prevHash).toBe(GENESIS_HASH);
  });

  it("an organization without events verifies as intact with nothing checked", async () => {
    const team = await createTeam(); // factory organizations have no history
    expect(await verifyAuditChain(team.ctx.owner)).toEqual({ intact: true, checked: 0 });
  });

  it("the database refuses UPDATE, DELETE and TRUNCATE on AuditEvent", async () => {
    const { organizationId } = await organizationWithHistory(1);
    const before = await auditEventsOf(organizationId);
    const first = before[0];
    await expect(executeRawSqlForTest(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = ${q(first!.id)}`)).rejects.toThrow(/AuditEvent is append-only/);
    await expect(executeRawSqlForTest(`DELETE FROM "AuditEvent" WHERE "id" = ${q(first!.id)}`)).rejects.toThrow(/AuditEvent is append-only/);
    await expect(executeRawSqlForTest('TRUNCATE "AuditEvent"')).rejects.toThrow(/AuditEvent is append-only/);
    // ...also through the application's own client.
    const db = tenantDb(organizationId);
    await expect(db.auditEvent.update({ where: { id: first!.id }, data: { action: "x" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany()).rejects.toThrow(/append-only/);
    expect(await auditEventsOf(organizationId)).toEqual(before);
  });

  it("detects an edited action (hash_mismatch at that row)", async () => {
    const { ctx, organizationId } = await organizationWithHistory(4);
    const target = (await auditEventsOf(organizationId))[2]!;
    await tamper(`UPDATE "AuditEvent" SET "action" = 'nothing.happened' WHERE "id" = ${q(target.id)}`);
    expect(await verifyAuditChain(ctx)).toEqual({ intact: false, checked: 2, brokenAtSeq: 3, reason: "hash_mismatch" });
  });

  it("detects edited JSON in 'after' (hash_mismatch at that row)", async () => {
    const { ctx, organizationId } = await organizationWithHistory(4);
    const target = (await auditEventsOf(organizationId))[1]!;
    await tamper(`UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{name}', '"Forged"') WHERE "id" = ${q(target.id)}`);
    expect(await verifyAuditChain(ctx)).toEqual({ intact: false, checked: 1, brokenAtSeq: 2, reason: "hash_mismatch" });
  });

  it("detects an edited row whose own hash was recomputed (the next row's link breaks)", async () => {
    const { ctx, organizationId } = await organizationWithHistory(4);
    const target = (await auditEventsOf(organizationId))[1]!;
    const forgedHash = computeAuditHash({ ...hashInputOf(target), actorEmail: "someone-else@example.test" });
    await tamper(
      `UPDATE "AuditEvent" SET "actorEmail" = 'someone-else@example.test', "hash" = ${q(forgedHash)} WHERE "id" = ${q(target.id)}`,
    );
    expect(await verifyAuditChain(ctx)).toEqual({ intact: false, checked: 2, brokenAtSeq: 3, reason: "prev_hash_mismatch" });
  });

  it("detects a deleted middle row (sequence_gap at the missing seq)", async () => {
    const { ctx, organizationId } = await organizationWithHistory(4);
    const target = (await auditEventsOf(organizationId))[2]!;
    await tamper(`DELETE FROM "AuditEvent" WHERE "id" = ${q(target.id)}`);
    expect(await verifyAuditChain(ctx)).toEqual({ intact: false, checked: 2, brokenAtSeq: 3, reason: "sequence_gap" });
  });

  it("detects a deleted first row", async () => {
    const { ctx, organizationId } = await organizationWithHistory(1);
    await tamper(`DELETE FROM "AuditEvent" WHERE "id" = ${q((await auditEventsOf(organizationId))[0]!.id)}`);
    expect(await verifyAuditChain(ctx)).toEqual({ intact: false, checked: 0, brokenAtSeq: 1, reason: "sequence_gap" });
  });

  it("the append-only trigger is back on after tampering", async () => {
    const { organizationId } = await organizationWithHistory(0);
    const [first] = await auditEventsOf(organizationId);
    await expect(executeRawSqlForTest(`DELETE FROM "AuditEvent" WHERE "id" = ${q(first!.id)}`)).rejects.toThrow(/append-only/);
  });

  it("concurrent actions in one organization append a gap-free, intact chain", async () => {
    const team = await createTeam();
    const membershipId = (await tenantDb(team.organization.id).membership.findFirstOrThrow({ where: { userId: team.users.viewer.id } })).id;
    await Promise.all([
      ...Array.from({ length: 7 }, (_, i) => inviteMember(team.ctx.manager, { email: uniqueEmail(`burst${i}`), role: "viewer" })),
      updateOrganization(team.ctx.owner, { name: "Concurrent One" }),
      updateOrganization(team.ctx.owner, { name: "Concurrent Two" }),
      changeMemberRole(team.ctx.owner, { membershipId, role: "contributor" }),
    ]);
    const events = await auditEventsOf(team.organization.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await verifyAuditChain(team.ctx.owner)).toEqual({ intact: true, checked: 10 });
  });
});

describe("listAuditEvents / verifyAuditChain permissions and paging", () => {
  it("lists newest first and pages with beforeSeq", async () => {
    const { ctx } = await organizationWithHistory(4); // seq 1..5
    const first = await listAuditEvents(ctx, { limit: 2 });
    expect(first.events.map((e) => e.seq)).toEqual([5, 4]);
    expect(first.nextBeforeSeq).toBe(4);
    const second = await listAuditEvents(ctx, { limit: 2, beforeSeq: first.nextBeforeSeq });
    expect(second.events.map((e) => e.seq)).toEqual([3, 2]);
    const last = await listAuditEvents(ctx, { limit: 2, beforeSeq: second.nextBeforeSeq });
    expect(last.events.map((e) => e.seq)).toEqual([1]);
    expect(last.nextBeforeSeq).toBeUndefined();
  });

  it("owners and managers may read and verify; contributors and viewers may not", async () => {
    const team = await createTeam();
    for (const role of ["owner", "manager"] as const) {
      await expect(listAuditEvents(team.ctx[role], {})).resolves.toMatchObject({ events: [] });
      await expect(verifyAuditChain(team.ctx[role])).resolves.toMatchObject({ intact: true });
    }
    for (const role of ["contributor", "viewer"] as const) {
      await expectAppError(listAuditEvents(team.ctx[role], {}), "FORBIDDEN");
      await expectAppError(verifyAuditChain(team.ctx[role]), "FORBIDDEN");
    }
  });

  it("rejects a page size above 100", async () => {
    const team = await createTeam();
    await expect(listAuditEvents(team.ctx.owner, { limit: 101 })).rejects.toThrow();
  });
});
