// Tenant isolation at the entry points: every server action and route handler, called as a member
// of org A against org B's rows, must answer NOT_FOUND/FORBIDDEN (404/403) and leave B unchanged.
// Only the session lookup and Next's cache revalidation are replaced; services and DB are real.
// The suite fails when a new action or route appears without a case here.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import {
  createEvidence,
  createOrRotateCalendarFeed,
  createProductFamily,
  computeOrganizationDeadlines,
  createSku,
  getEvidence,
  getTargetCatalog,
  inviteMember,
  resolveTenantContext,
  reviewEvidence,
  submitEvidence,
  uploadEvidenceRevision,
} from "@hopquy/core";
import { isoToday } from "@hopquy/core/assessments/today";
import { loadShippedReferenceData } from "@hopquy/core/catalog/load-shipped-reference-data";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import { getBlobStore } from "@/lib/blob-store";

// Uploaded files of this suite go to a throwaway directory.
process.env.STORAGE_LOCAL_ROOT = mkdtempSync(path.join(os.tmpdir(), "hq-web-isolation-"));
import { platformDb, tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/auth/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/auth/session", () => ({
  getSession: async () => session.current,
  requireSession: async () => {
    if (!session.current) throw new Error("redirect /sign-in");
    return session.current;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));
vi.mock("@/auth/credentials-sign-in", () => ({ signInWithPassword: async () => ({ ok: false, error: { code: "UNAUTHENTICATED" } }) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined }), headers: async () => new Headers() }));

const srcDir = path.resolve(import.meta.dirname);

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, name);
    return entry === name ? [full] : [];
  });
}

function asUser(user: { id: string; email: string; name: string }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, locale: "vi", isPlatformAdmin: false, disabledAt: null, sessionVersion: 0 };
}

// Entry points that are not about one organization's rows, and why.
const NOT_TENANT_SCOPED: Record<string, string> = {
  "auth/signInAction": "credentials check before any tenant is known",
  "auth/setupFirstOwnerAction": "only on an empty instance (covered by core tests)",
  "auth/signUpWithInvitationAction": "bound to the invitation token's own organization",
  "auth/signOutAction": "ends the caller's own session",
  "auth/signOutEverywhereAction": "ends the caller's own sessions",
  "auth/setLocaleAction": "the caller's own preference",
  "api/auth/[...nextauth]": "Auth.js endpoints",
  "api/health": "no tenant data",
  "api/catalog-versions/[versionId]/export": "platform reference data, identical for every tenant (signed-in users only)",
  "api/mapping-sets/[mappingSetId]/export": "platform reference data, identical for every tenant (signed-in users only)",
  "api/risk-lists/[riskListId]/export": "platform reference data, identical for every tenant (signed-in users only)",
};

const world = {} as {
  alice: SessionUser;
  orgA: { id: string; slug: string };
  orgB: { id: string; slug: string; name: string };
  bobMembershipId: string;
  carolMembershipId: string;
  bInvitationId: string;
  bInvitationToken: string;
  bSkuId: string;
  bFamilyId: string;
  bEvidenceId: string;
  bRevisionId: string;
  bSha256: string;
  bClauseId: string;
  bClauseLinkId: string;
  bSkuLinkId: string;
  bDeclarationId: string;
  bImportRunId: string;
  bBytes: Buffer;
  bCalendarToken: string;
};

async function snapshotOrgB() {
  const db = tenantDb(world.orgB.id);
  const [evidence, revisions, clauseLinks, skuLinks, assessments] = await Promise.all([
    db.evidence.findMany({ orderBy: { id: "asc" } }),
    db.evidenceRevision.findMany({ orderBy: { id: "asc" } }),
    db.evidenceClauseLink.findMany({ orderBy: { id: "asc" } }),
    db.evidenceSkuLink.findMany({ orderBy: { id: "asc" } }),
    db.assessment.findMany({ orderBy: { id: "asc" } }),
  ]);
  const [organization, memberships, invitations, auditCount, skus, families, firmware] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: world.orgB.id } }),
    db.membership.findMany({ orderBy: { id: "asc" } }),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
    db.sku.findMany({ orderBy: { id: "asc" } }),
    db.productFamily.findMany({ orderBy: { id: "asc" } }),
    db.firmwareVersion.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { organization: { name: organization.name, kind: organization.kind }, memberships, invitations, auditCount, skus, families, firmware, evidence, revisions, clauseLinks, skuLinks, assessments, declarations: await db.declarationSubmission.findMany({ orderBy: { id: "asc" } }), calendarFeeds: await db.calendarFeed.findMany({ orderBy: { id: "asc" } }), importRuns: await db.importRun.findMany({ orderBy: { id: "asc" } }), importPresets: await db.importColumnPreset.findMany({ orderBy: { id: "asc" } }) };
}

type Case = () => Promise<void>;
const NOT_FOUND = { ok: false, error: { code: "NOT_FOUND" } };
// A server action called with A's slug and B's ids, and with B's slug: both "not found".
async function refusedBothWays<I>(action: (slug: string, input: I) => Promise<unknown>, input: I) {
  expect(await action(world.orgA.slug, input)).toEqual(NOT_FOUND);
  expect(await action(world.orgB.slug, input)).toEqual(NOT_FOUND);
}
const routeParams = <P extends object>(params: P) => ({ params: Promise.resolve(params) });

const cases: Record<string, Case> = {
  "remap/startOrganizationRemapAction": async () => {
    const { startOrganizationRemapAction } = await import("@/features/remap/actions");
    expect(await startOrganizationRemapAction(world.orgB.slug, { mode: "apply" })).toEqual(NOT_FOUND);
  },
  "remap/applySkuRemapAction": async () => {
    const { applySkuRemapAction } = await import("@/features/remap/actions");
    await refusedBothWays(applySkuRemapAction, { skuId: world.bSkuId });
  },
  "evidence/createEvidenceAction": async () => {
    const { createEvidenceAction } = await import("@/features/evidence/actions");
    expect(await createEvidenceAction(world.orgB.slug, { kind: "certificate", title: "into B" })).toEqual(NOT_FOUND);
    expect(await createEvidenceAction(world.orgA.slug, { kind: "certificate", title: "for B's SKU", skuId: world.bSkuId })).toEqual(NOT_FOUND);
  },
  "evidence/updateEvidenceAction": async () => {
    const { updateEvidenceAction } = await import("@/features/evidence/actions");
    await refusedBothWays(updateEvidenceAction, { evidenceId: world.bEvidenceId, kind: "certificate" as const, title: "hijack" });
  },
  "evidence/submitEvidenceAction": async () => {
    const { submitEvidenceAction } = await import("@/features/evidence/actions");
    await refusedBothWays(submitEvidenceAction, { evidenceId: world.bEvidenceId });
  },
  "evidence/reviewEvidenceAction": async () => {
    const { reviewEvidenceAction } = await import("@/features/evidence/actions");
    await refusedBothWays(reviewEvidenceAction, { evidenceId: world.bEvidenceId, decision: "reject" as const, comment: "no" });
  },
  "evidence/reopenEvidenceAction": async () => {
    const { reopenEvidenceAction } = await import("@/features/evidence/actions");
    await refusedBothWays(reopenEvidenceAction, { evidenceId: world.bEvidenceId });
  },
  "evidence/linkEvidenceToClauseAction": async () => {
    const { linkEvidenceToClauseAction } = await import("@/features/evidence/actions");
    await refusedBothWays(linkEvidenceToClauseAction, { evidenceId: world.bEvidenceId, clauseId: world.bClauseId });
  },
  "evidence/unlinkEvidenceFromClauseAction": async () => {
    const { unlinkEvidenceFromClauseAction } = await import("@/features/evidence/actions");
    await refusedBothWays(unlinkEvidenceFromClauseAction, { linkId: world.bClauseLinkId });
  },
  "evidence/linkEvidenceToSkuAction": async () => {
    const { linkEvidenceToSkuAction, createEvidenceAction } = await import("@/features/evidence/actions");
    await refusedBothWays(linkEvidenceToSkuAction, { evidenceId: world.bEvidenceId, skuId: world.bSkuId });
    const own = await createEvidenceAction(world.orgA.slug, { kind: "certificate", title: "A's" });
    if (!own.ok) throw new Error("A could not create its own evidence");
    expect(await linkEvidenceToSkuAction(world.orgA.slug, { evidenceId: own.data.evidenceId, skuId: world.bSkuId })).toEqual(NOT_FOUND);
  },
  "evidence/unlinkEvidenceFromSkuAction": async () => {
    const { unlinkEvidenceFromSkuAction } = await import("@/features/evidence/actions");
    await refusedBothWays(unlinkEvidenceFromSkuAction, { linkId: world.bSkuLinkId });
  },
  "evidence/verifyEvidenceRevisionAction": async () => {
    const { verifyEvidenceRevisionAction } = await import("@/features/evidence/actions");
    await refusedBothWays(verifyEvidenceRevisionAction, { revisionId: world.bRevisionId });
  },
  "evidence/decideAssessmentAction": async () => {
    const { decideAssessmentAction } = await import("@/features/evidence/actions");
    await refusedBothWays(decideAssessmentAction, { skuId: world.bSkuId, clauseId: world.bClauseId, status: "gap" as const, reason: "x" });
  },
  "evidence/clearAssessmentDecisionAction": async () => {
    const { clearAssessmentDecisionAction } = await import("@/features/evidence/actions");
    await refusedBothWays(clearAssessmentDecisionAction, { skuId: world.bSkuId, clauseId: world.bClauseId });
  },
  "api/orgs/[orgSlug]/evidence/[evidenceId]/revisions": async () => {
    const { POST } = await import("@/app/api/orgs/[orgSlug]/evidence/[evidenceId]/revisions/route");
    const upload = () => new Request("http://test/api", { method: "POST", headers: { "x-file-name": "evil.pdf", host: "test" }, body: Buffer.from("%PDF-1.4 evil") });
    for (const orgSlug of [world.orgA.slug, world.orgB.slug]) {
      expect((await POST(upload(), routeParams({ orgSlug, evidenceId: world.bEvidenceId }))).status).toBe(404);
    }
    // A cross-site page cannot post into the caller's own organization either.
    const { createEvidenceAction } = await import("@/features/evidence/actions");
    const own = await createEvidenceAction(world.orgA.slug, { kind: "certificate", title: "A's cert" });
    if (!own.ok) throw new Error("A could not create its own evidence");
    const crossSite = new Request("http://test/api", { method: "POST", headers: { "x-file-name": "a.pdf", host: "test", origin: "https://evil.example" }, body: Buffer.from("%PDF-1.4 a") });
    expect((await POST(crossSite, routeParams({ orgSlug: world.orgA.slug, evidenceId: own.data.evidenceId }))).status).toBe(403);
  },
  "api/orgs/[orgSlug]/evidence/revisions/[revisionId]": async () => {
    const { GET } = await import("@/app/api/orgs/[orgSlug]/evidence/revisions/[revisionId]/route");
    for (const orgSlug of [world.orgA.slug, world.orgB.slug]) {
      expect((await GET(new Request("http://test/api"), routeParams({ orgSlug, revisionId: world.bRevisionId }))).status).toBe(404);
    }
  },
  "api/orgs/[orgSlug]/evidence/files/[sha256]": async () => {
    const { GET } = await import("@/app/api/orgs/[orgSlug]/evidence/files/[sha256]/route");
    for (const orgSlug of [world.orgA.slug, world.orgB.slug]) {
      expect((await GET(new Request("http://test/api"), routeParams({ orgSlug, sha256: world.bSha256 }))).status).toBe(404);
    }
    // The same bytes uploaded by A are A's file: served with A's name, as an attachment.
    const { createEvidenceAction } = await import("@/features/evidence/actions");
    const { POST } = await import("@/app/api/orgs/[orgSlug]/evidence/[evidenceId]/revisions/route");
    const own = await createEvidenceAction(world.orgA.slug, { kind: "lab_test_report", title: "A's copy" });
    if (!own.ok) throw new Error("A could not create its own evidence");
    const uploaded = await POST(
      new Request("http://test/api", { method: "POST", headers: { "x-file-name": encodeURIComponent("bản sao của A.pdf"), host: "test" }, body: new Uint8Array(world.bBytes) }),
      routeParams({ orgSlug: world.orgA.slug, evidenceId: own.data.evidenceId }),
    );
    expect(uploaded.status).toBe(200);
    const served = await GET(new Request("http://test/api"), routeParams({ orgSlug: world.orgA.slug, sha256: world.bSha256 }));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-disposition")).toContain("filename*=UTF-8''b%E1%BA%A3n%20sao");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(world.bBytes)).toBe(true);
  },
  "auth/requestPasswordResetAction": async () => {
    // The same answer for a member of B, for an unknown address and for a malformed one's field error.
    const { requestPasswordResetAction } = await import("@/features/auth/actions");
    const bobId = (await tenantDb(world.orgB.id).membership.findUniqueOrThrow({ where: { id: world.bobMembershipId } })).userId;
    const bob = await platformDb().user.findUniqueOrThrow({ where: { id: bobId } });
    expect(await requestPasswordResetAction({ email: bob.email })).toEqual({ ok: true, data: null });
    expect(await requestPasswordResetAction({ email: "nobody-at-all@example.test" })).toEqual({ ok: true, data: null });
    expect(await requestPasswordResetAction({ email: "not an address" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  },
  "auth/resetPasswordAction": async () => {
    // Only the token decides whose password changes; a guessed one changes nothing.
    const { resetPasswordAction } = await import("@/features/auth/actions");
    expect(await resetPasswordAction({ token: "x".repeat(43), password: "a long enough passphrase" })).toEqual({ ok: false, error: { code: "EXPIRED", reason: "reset_link_invalid" } });
  },
  "account/changePasswordAction": async () => {
    // The caller's own password only, and only with it: nothing to name another account by.
    const { changePasswordAction } = await import("@/features/account/actions");
    const before = await platformDb().user.findMany({ where: { id: { not: world.alice.id } }, select: { id: true, passwordHash: true, sessionVersion: true }, orderBy: { id: "asc" } });
    expect(await changePasswordAction({ currentPassword: "wrong", newPassword: "a long enough passphrase" })).toEqual({ ok: false, error: { code: "VALIDATION", reason: "wrong_current_password" } });
    expect(await platformDb().user.findMany({ where: { id: { not: world.alice.id } }, select: { id: true, passwordHash: true, sessionVersion: true }, orderBy: { id: "asc" } })).toEqual(before);
  },
  "account/updateNotificationPreferencesAction": async () => {
    const { updateNotificationPreferencesAction } = await import("@/features/account/actions");
    const others = () => platformDb().user.findMany({ where: { id: { not: world.alice.id } }, select: { id: true, notificationPreferences: true }, orderBy: { id: "asc" } });
    const before = await others();
    const result = await updateNotificationPreferencesAction({ preferences: { "evidence.expiring": "email_digest" } });
    expect(result).toMatchObject({ ok: true });
    expect((await platformDb().user.findUniqueOrThrow({ where: { id: world.alice.id } })).notificationPreferences).toEqual({ "evidence.expiring": "email_digest" });
    expect(await others()).toEqual(before);
    expect(await updateNotificationPreferencesAction({ preferences: { "evidence.expiring": "loudly" } as never })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  },
  "members/inviteMemberAction": async () => {
    const { inviteMemberAction } = await import("@/features/members/actions");
    const result = await inviteMemberAction(world.orgB.slug, { email: "intruder@example.test", role: "owner" });
    expect(result).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "members/revokeInvitationAction": async () => {
    const { revokeInvitationAction } = await import("@/features/members/actions");
    expect(await revokeInvitationAction(world.orgA.slug, { invitationId: world.bInvitationId })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await revokeInvitationAction(world.orgB.slug, { invitationId: world.bInvitationId })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "members/changeMemberRoleAction": async () => {
    const { changeMemberRoleAction } = await import("@/features/members/actions");
    expect(await changeMemberRoleAction(world.orgA.slug, { membershipId: world.carolMembershipId, role: "owner" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await changeMemberRoleAction(world.orgB.slug, { membershipId: world.carolMembershipId, role: "owner" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "members/removeMemberAction": async () => {
    const { removeMemberAction } = await import("@/features/members/actions");
    expect(await removeMemberAction(world.orgA.slug, { membershipId: world.bobMembershipId })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await removeMemberAction(world.orgB.slug, { membershipId: world.bobMembershipId })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "organizations/updateOrganizationAction": async () => {
    const { updateOrganizationAction } = await import("@/features/organizations/actions");
    expect(await updateOrganizationAction(world.orgB.slug, { name: "Hijacked", kind: "importer" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "organizations/createOrganizationAction": async () => {
    // Creates a new organization for the caller only; it must not grant anything in B.
    const { createOrganizationAction } = await import("@/features/organizations/actions");
    const result = await createOrganizationAction({ name: world.orgB.name, kind: "manufacturer" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.slug).not.toBe(world.orgB.slug);
    await expect(resolveTenantContext(world.alice, world.orgB.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
  },
  "audit/verifyAuditChainAction": async () => {
    const { verifyAuditChainAction } = await import("@/features/audit/actions");
    expect(await verifyAuditChainAction(world.orgB.slug, {})).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "notifications/markNotificationsReadAction": async () => {
    const { markNotificationsReadAction } = await import("@/features/notifications/actions");
    const bRows = () => tenantDb(world.orgB.id).notification.findMany({ orderBy: { id: "asc" } });
    const before = await bRows();
    expect(await markNotificationsReadAction(world.orgB.slug, { all: true })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    // B's ids (one even addressed to Alice) match nothing from A; "all" is Alice's own rows in A.
    expect(await markNotificationsReadAction(world.orgA.slug, { ids: notifications.inB })).toEqual({ ok: true, data: { marked: 0 } });
    expect(await markNotificationsReadAction(world.orgA.slug, { all: true })).toEqual({ ok: true, data: { marked: 1 } });
    expect(await bRows()).toEqual(before);
  },
  "auth/acceptInvitationAction": async () => {
    // Holding B's invitation link is not enough: it is bound to the invited address.
    const { acceptInvitationAction } = await import("@/features/auth/actions");
    const result = await acceptInvitationAction({ token: world.bInvitationToken });
    expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", reason: "wrong_account" } });
  },
  "skus/createSkuAction": async () => {
    const { createSkuAction } = await import("@/features/skus/actions");
    const intoB = await createSkuAction(world.orgB.slug, { modelCode: "X-1", brand: "X", manufacturer: "X", countryOfOrigin: "VN" });
    expect(intoB).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    const withBFamily = await createSkuAction(world.orgA.slug, { modelCode: "X-1", brand: "X", manufacturer: "X", countryOfOrigin: "VN", familyId: world.bFamilyId });
    expect(withBFamily).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/updateSkuAction": async () => {
    const { updateSkuAction } = await import("@/features/skus/actions");
    const input = { skuId: world.bSkuId, modelCode: "HIJACK", brand: "X", manufacturer: "X", countryOfOrigin: "VN" };
    expect(await updateSkuAction(world.orgA.slug, input)).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await updateSkuAction(world.orgB.slug, input)).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/updateSkuCapabilitiesAction": async () => {
    const { updateSkuCapabilitiesAction } = await import("@/features/skus/actions");
    expect(await updateSkuCapabilitiesAction(world.orgA.slug, { skuId: world.bSkuId, capabilities: { passwordsUsed: false } })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/setSkuArchivedAction": async () => {
    const { setSkuArchivedAction } = await import("@/features/skus/actions");
    expect(await setSkuArchivedAction(world.orgA.slug, { skuId: world.bSkuId, archived: true })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/addFirmwareVersionAction": async () => {
    const { addFirmwareVersionAction } = await import("@/features/skus/actions");
    expect(await addFirmwareVersionAction(world.orgA.slug, { skuId: world.bSkuId, version: "6.6.6" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "declarations/recordDeclarationAction": async () => {
    const { recordDeclarationAction } = await import("@/features/declarations/actions");
    await refusedBothWays(recordDeclarationAction, { skuId: world.bSkuId, route: "self_assessment" as const, filedOn: "2026-11-02" });
  },
  "declarations/setDeclarationStatusAction": async () => {
    const { setDeclarationStatusAction } = await import("@/features/declarations/actions");
    await refusedBothWays(setDeclarationStatusAction, { declarationId: world.bDeclarationId, status: "withdrawn" as const });
  },
  "skus/createProductFamilyAction": async () => {
    const { createProductFamilyAction } = await import("@/features/skus/actions");
    expect(await createProductFamilyAction(world.orgB.slug, { name: "Intruder family" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "imports/uploadImportFileAction": async () => {
    const { uploadImportFileAction } = await import("@/features/imports/actions");
    const form = () => {
      const data = new FormData();
      // B's model code and family name: free in A, and nothing of B's is touched.
      data.set("file", new File(["modelCode,brand,manufacturer,countryOfOrigin,family\r\nB-1,X,X,VN,B family\r\n"], "skus.csv", { type: "text/csv" }));
      data.set("kind", "sku");
      return data;
    };
    expect(await uploadImportFileAction(world.orgB.slug, form())).toEqual(NOT_FOUND);
    const intoA = await uploadImportFileAction(world.orgA.slug, form());
    expect(intoA).toMatchObject({ ok: true, data: { ok: true } });
    const runId = (intoA as { data: { runId: string } }).data.runId;
    expect(await tenantDb(world.orgA.id).importRun.count({ where: { id: runId } })).toBe(1);
    expect(await tenantDb(world.orgB.id).importRun.count({ where: { id: runId } })).toBe(0);
  },
  "imports/checkImportRunAction": async () => {
    const { checkImportRunAction } = await import("@/features/imports/actions");
    await refusedBothWays(checkImportRunAction, { runId: world.bImportRunId, columnMapping: ["modelCode", "brand", "manufacturer", "countryOfOrigin"], options: {} });
  },
  "imports/startImportRunAction": async () => {
    const { startImportRunAction } = await import("@/features/imports/actions");
    await refusedBothWays(startImportRunAction, { runId: world.bImportRunId });
  },
  "imports/cancelImportRunAction": async () => {
    const { cancelImportRunAction } = await import("@/features/imports/actions");
    await refusedBothWays(cancelImportRunAction, { runId: world.bImportRunId });
  },
  "api/orgs/[orgSlug]/imports/[runId]/archive": async () => {
    const { POST } = await import("@/app/api/orgs/[orgSlug]/imports/[runId]/archive/route");
    const upload = (origin?: string) => new Request("http://test/api", { method: "POST", headers: { "x-file-name": "files.zip", host: "test", ...(origin ? { origin } : {}) }, body: Buffer.from("PK\u0003\u0004 not really") });
    for (const orgSlug of [world.orgA.slug, world.orgB.slug]) {
      expect((await POST(upload(), routeParams({ orgSlug, runId: world.bImportRunId }))).status).toBe(404);
    }
    expect((await POST(upload("https://evil.example"), routeParams({ orgSlug: world.orgA.slug, runId: world.bImportRunId }))).status).toBe(403);
  },
  "api/orgs/[orgSlug]/imports/[runId]/rejected": async () => {
    const { GET } = await import("@/app/api/orgs/[orgSlug]/imports/[runId]/rejected/route");
    for (const orgSlug of [world.orgA.slug, world.orgB.slug]) {
      expect((await GET(new Request("http://test/api"), routeParams({ orgSlug, runId: world.bImportRunId }))).status).toBe(404);
    }
  },
  "api/orgs/[orgSlug]/skus/export": async () => {
    const { GET } = await import("@/app/api/orgs/[orgSlug]/skus/export/route");
    const url = "http://test/api/orgs/x/skus/export?format=csv&archived=1";
    expect((await GET(new Request(url), { params: Promise.resolve({ orgSlug: world.orgB.slug }) })).status).toBe(404);
    const own = await GET(new Request(url), { params: Promise.resolve({ orgSlug: world.orgA.slug }) });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    expect(own.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="hopquy-skus-${world.orgA.slug}-[\\d-]+\\.csv"; filename\\*=UTF-8''hopquy-skus-`));
    const rows = (await own.text()).trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(await tenantDb(world.orgA.id).sku.count());
    expect(rows.some((row) => row.startsWith("B-1,,B,B,"))).toBe(false);
  },
  "api/orgs/[orgSlug]/deadlines": async () => {
    const { GET } = await import("@/app/api/orgs/[orgSlug]/deadlines/route");
    const call = (orgSlug: string, query = "") => GET(new Request(`http://test/api/orgs/x/deadlines?${query}`), routeParams({ orgSlug }));
    expect((await call(world.orgB.slug)).status).toBe(404);
    expect((await call(world.orgA.slug, "state=late")).status).toBe(400);
    const csv = await call(world.orgA.slug);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="deadlines-${world.orgA.slug}-[\\d-]+\\.csv"`));
    // Exactly A's deadlines (A also has a SKU named B-1, so names prove nothing).
    const rows = (await csv.text()).trim().split("\r\n").slice(1);
    const { deadlines } = await computeOrganizationDeadlines(world.orgA.id, isoToday());
    expect(rows).toHaveLength(deadlines.length);
    const bDeadlines = await computeOrganizationDeadlines(world.orgB.id, isoToday());
    expect(bDeadlines.deadlines.length).toBeGreaterThan(0);
  },
  "api/orgs/[orgSlug]/gap-report": async () => {
    const { GET } = await import("@/app/api/orgs/[orgSlug]/gap-report/route");
    const call = (orgSlug: string, query: string) => GET(new Request(`http://test/api/orgs/x/gap-report?${query}`), routeParams({ orgSlug }));
    expect((await call(world.orgB.slug, "format=csv")).status).toBe(404);
    expect((await call(world.orgB.slug, `format=pdf&skuId=${world.bSkuId}`)).status).toBe(404);
    expect((await call(world.orgA.slug, `format=pdf&skuId=${world.bSkuId}`)).status).toBe(404);
    expect((await call(world.orgA.slug, "format=docx")).status).toBe(400);
    const csv = await call(world.orgA.slug, "format=csv&lang=en");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("x-content-type-options")).toBe("nosniff");
    expect(csv.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="hopquy-gap-report-${world.orgA.slug}-all-skus-[\\d-]+\\.csv"; filename\\*=UTF-8''`));
    const text = await csv.text();
    expect(text).toContain("QCVN 11 clause");
    expect(text).not.toContain("B report");
    const pdf = await call(world.orgA.slug, "format=pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  },
  "api/orgs/[orgSlug]/audit-events": async () => {
    const { GET } = await import("@/app/api/orgs/[orgSlug]/audit-events/route");
    const foreign = await GET(new Request("http://test/api"), { params: Promise.resolve({ orgSlug: world.orgB.slug }) });
    expect(foreign.status).toBe(404);
    const own = await GET(new Request("http://test/api?limit=100"), { params: Promise.resolve({ orgSlug: world.orgA.slug }) });
    expect(own.status).toBe(200);
    const body = (await own.json()) as { events: { organizationId: string }[] };
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.events.every((e) => e.organizationId === world.orgA.id)).toBe(true);
  },
  "calendar-feed/createOrRotateCalendarFeedAction": async () => {
    const { createOrRotateCalendarFeedAction } = await import("@/features/calendar-feed/actions");
    expect(await createOrRotateCalendarFeedAction(world.orgB.slug, {})).toEqual(NOT_FOUND);
    // A's own feed (created, then rotated) shows A's organization only.
    await createOrRotateCalendarFeedAction(world.orgA.slug, {});
    const own = await createOrRotateCalendarFeedAction(world.orgA.slug, {});
    if (!own.ok) throw new Error("A could not create its own calendar feed");
    const { GET } = await import("@/app/api/calendar/[token]/route");
    const token = own.data.feedPath.split("/").pop()!;
    const response = await GET(new Request(`http://test${own.data.feedPath}`), routeParams({ token }));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`X-WR-CALNAME:HopQuy · ${(await tenantDb(world.orgA.id).organization.findUniqueOrThrow({ where: { id: world.orgA.id } })).name}`);
    expect(text).not.toContain(world.bSkuId);
    expect(text).not.toContain(world.orgB.name);
  },
  "calendar-feed/revokeCalendarFeedAction": async () => {
    const { revokeCalendarFeedAction } = await import("@/features/calendar-feed/actions");
    expect(await revokeCalendarFeedAction(world.orgB.slug, {})).toEqual(NOT_FOUND);
    // Revoking in A (whatever Alice has there) never touches Bob's feed in B.
    await revokeCalendarFeedAction(world.orgA.slug, {});
    const { GET } = await import("@/app/api/calendar/[token]/route");
    expect((await GET(new Request("http://test/api/calendar/x.ics"), routeParams({ token: `${world.bCalendarToken}.ics` }))).status).toBe(200);
  },
  "api/calendar/[token]": async () => {
    // No session decides here, only the token: unknown or malformed ones get a bare 404, and B's
    // token (held by B's member) opens B's feed, never A's.
    const { GET } = await import("@/app/api/calendar/[token]/route");
    for (const token of ["nope.ics", `${"A".repeat(43)}.ics`, "A".repeat(43), "../skus.ics"]) {
      const response = await GET(new Request("http://test/api/calendar/x.ics"), routeParams({ token }));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found\n");
    }
    const bFeed = await GET(new Request("http://test/api/calendar/x.ics"), routeParams({ token: world.bCalendarToken }));
    expect(bFeed.status).toBe(200);
    expect(await bFeed.text()).toContain(`X-WR-CALNAME:HopQuy · ${world.orgB.name}`);
  },
  "api/admin/reference-imports": async () => {
    // Platform reference data: only platform administrators may publish, whatever their tenant role.
    const { POST } = await import("@/app/api/admin/reference-imports/route");
    const { countReferenceRows } = await import("@hopquy/core");
    const before = await countReferenceRows();
    const form = new FormData();
    form.set("file", new File(["kind: catalog\n"], "catalog.yaml", { type: "application/yaml" }));
    const response = await POST(new Request("http://test/api/admin/reference-imports", { method: "POST", body: form }), { params: Promise.resolve({}) });
    expect(response.status).toBe(403);
    expect(await countReferenceRows()).toEqual(before);
  },
};

beforeAll(async () => {
  const aliceRow = await createTestUser();
  const bobRow = await createTestUser();
  const carolRow = await createTestUser();
  const orgA = await createTestOrganization({ ownerId: aliceRow.id });
  const orgB = await createTestOrganization({ ownerId: bobRow.id, members: [{ userId: carolRow.id, role: "viewer" }] });
  const bob = asUser(bobRow);
  const bCtx = await resolveTenantContext(bob, orgB.slug);
  const { invitation, token } = await inviteMember(bCtx, { email: "dave@example.test", role: "manager" });
  const bFamily = await createProductFamily(bCtx, { name: "B family" });
  const bSku = await createSku(bCtx, { modelCode: "B-1", brand: "B", manufacturer: "B", countryOfOrigin: "CN", familyId: bFamily.id });
  const aCtx = await resolveTenantContext(asUser(aliceRow), orgA.slug);
  await inviteMember(aCtx, { email: "erin@example.test", role: "viewer" });
  const memberships = await tenantDb(orgB.id).membership.findMany();
  world.alice = asUser(aliceRow);
  world.orgA = orgA;
  world.orgB = orgB;
  world.bobMembershipId = memberships.find((m) => m.userId === bobRow.id)!.id;
  world.carolMembershipId = memberships.find((m) => m.userId === carolRow.id)!.id;
  world.bInvitationId = invitation.id;
  world.bInvitationToken = token;
  world.bSkuId = bSku.id;
  world.bFamilyId = bFamily.id;
  world.bCalendarToken = (await createOrRotateCalendarFeed(bCtx)).token;
  // B's accepted evidence with a stored file, linked to a QCVN 11 clause and to B's SKU.
  await loadShippedReferenceData();
  const target = (await getTargetCatalog())!;
  world.bClauseId = target.clauses[0]!.id;
  world.bBytes = Buffer.from(`%PDF-1.4\n% B's report ${Math.random()}\n%%EOF\n`);
  const bEvidence = await createEvidence(bCtx, { kind: "lab_test_report", title: "B report", clauseIds: [world.bClauseId], skuId: bSku.id });
  const revision = await uploadEvidenceRevision(bCtx, getBlobStore(), { evidenceId: bEvidence.id, fileName: "b.pdf", stream: Readable.from([world.bBytes]) });
  await submitEvidence(bCtx, { evidenceId: bEvidence.id });
  await reviewEvidence(bCtx, { evidenceId: bEvidence.id, decision: "accept" });
  const links = await getEvidence(bCtx, bEvidence.id);
  world.bEvidenceId = bEvidence.id;
  world.bRevisionId = revision.id;
  world.bSha256 = revision.sha256;
  world.bClauseLinkId = links.clauseLinks[0]!.id;
  world.bSkuLinkId = links.skuLinks[0]!.id;
  const { recordDeclaration } = await import("@hopquy/core");
  world.bDeclarationId = (await recordDeclaration(bCtx, { skuId: bSku.id, route: "self_assessment", filedOn: "2026-11-01" })).id;
  const { checkImportRun, uploadImportFile } = await import("@hopquy/core");
  const bImport = await uploadImportFile(bCtx, getBlobStore(), { kind: "sku", fileName: "b.csv", bytes: Buffer.from("modelCode,brand,manufacturer,countryOfOrigin\nB-IMPORT,X,X,VN\n") });
  if (!bImport.ok) throw new Error("B's import upload was refused");
  world.bImportRunId = bImport.runId;
  await checkImportRun(bCtx, getBlobStore(), { runId: bImport.runId, columnMapping: ["modelCode", "brand", "manufacturer", "countryOfOrigin"], options: {} });
});

// Alice has one unread notification in A; B has Bob's and one addressed to Alice (a former membership).
const notifications = { inB: [] as string[] };
beforeAll(async () => {
  const notify = async (organizationId: string, userId: string, title: string) =>
    (await tenantDb(organizationId).notification.create({
      data: { organizationId, userId, kind: "evidence.expired", dedupeKey: `isolation:${title}`, payload: { evidenceId: "evd", title, expiryDate: "2031-01-31" } },
    })).id;
  const bob = await tenantDb(world.orgB.id).membership.findUniqueOrThrow({ where: { id: world.bobMembershipId } });
  await notify(world.orgA.id, world.alice.id, "A");
  notifications.inB = [await notify(world.orgB.id, bob.userId, "B"), await notify(world.orgB.id, world.alice.id, "B for Alice")];
});

describe("tenant isolation of every server action and route handler", () => {
  const actionFiles = filesNamed(path.join(srcDir, "features"), "actions.ts");
  const routeFiles = filesNamed(path.join(srcDir, "app/api"), "route.ts");

  it("has a case (or a stated reason) for every entry point", async () => {
    const entryPoints: string[] = [];
    for (const file of actionFiles) {
      const feature = path.basename(path.dirname(file));
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) if (typeof value === "function") entryPoints.push(`${feature}/${name}`);
    }
    for (const file of routeFiles) entryPoints.push(path.relative(path.join(srcDir, "app"), path.dirname(file)));
    const uncovered = entryPoints.filter((e) => !(e in cases) && !(e in NOT_TENANT_SCOPED));
    expect(uncovered).toEqual([]);
    expect(entryPoints.length).toBeGreaterThanOrEqual(Object.keys(cases).length);
  });

  for (const [name, run] of Object.entries(cases)) {
    it(`${name}: a member of A cannot read or change B`, async () => {
      session.current = world.alice;
      const before = await snapshotOrgB();
      await run();
      expect(await snapshotOrgB()).toEqual(before);
    });
  }

  it("unauthenticated calls are refused", async () => {
    session.current = null;
    const { inviteMemberAction } = await import("@/features/members/actions");
    expect(await inviteMemberAction(world.orgA.slug, { email: "x@example.test", role: "viewer" })).toEqual({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const { GET } = await import("@/app/api/orgs/[orgSlug]/audit-events/route");
    expect((await GET(new Request("http://test/api"), { params: Promise.resolve({ orgSlug: world.orgA.slug }) })).status).toBe(401);
  });

  it("roles are enforced at the action boundary", async () => {
    const viewerRow = await createTestUser();
    await tenantDb(world.orgA.id).membership.create({ data: { organizationId: world.orgA.id, userId: viewerRow.id, role: "viewer" } });
    session.current = asUser(viewerRow);
    const { inviteMemberAction, changeMemberRoleAction } = await import("@/features/members/actions");
    const { updateOrganizationAction } = await import("@/features/organizations/actions");
    const { verifyAuditChainAction } = await import("@/features/audit/actions");
    expect(await inviteMemberAction(world.orgA.slug, { email: "y@example.test", role: "viewer" })).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await updateOrganizationAction(world.orgA.slug, { name: "Renamed", kind: "importer" })).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await verifyAuditChainAction(world.orgA.slug, {})).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    const { recordDeclarationAction } = await import("@/features/declarations/actions");
    expect(await recordDeclarationAction(world.orgA.slug, { skuId: world.bSkuId, route: "self_assessment", filedOn: "2026-11-02" })).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    const ownerMembership = await tenantDb(world.orgA.id).membership.findFirstOrThrow({ where: { role: "owner" } });
    expect(await changeMemberRoleAction(world.orgA.slug, { membershipId: ownerMembership.id, role: "viewer" })).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    const { GET } = await import("@/app/api/orgs/[orgSlug]/audit-events/route");
    expect((await GET(new Request("http://test/api"), { params: Promise.resolve({ orgSlug: world.orgA.slug }) })).status).toBe(403);
  });

  it("invalid input gets field errors, not a crash", async () => {
    session.current = world.alice;
    const { inviteMemberAction } = await import("@/features/members/actions");
    const result = await inviteMemberAction(world.orgA.slug, { email: "not-an-email", role: "emperor" as never });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("VALIDATION");
      expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["email", "role"]);
    }
  });
});
