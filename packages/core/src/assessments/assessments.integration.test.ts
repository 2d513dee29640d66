import { tenantDb } from "@hopquy/db";
import { countDatabaseQueries } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createOrganizationForUser } from "../organizations/create-organization-for-user";
import { inviteMember } from "../invitations/invite-member";
import { acceptInvitationAsUser } from "../invitations/accept-invitation";
import { resolveTenantContext } from "../organizations/resolve-tenant-context";
import { addFirmwareVersion } from "../skus/add-firmware-version";
import { createSku } from "../skus/create-sku";
import { auditEventsOf, createTeam, expectAppError } from "../testing/fixtures";
import { createAcceptedEvidence, createBulkSkus, createTempBlobStore, ensureTargetCatalog } from "../testing/evidence-fixtures";
import { createTestUser } from "@hopquy/db/testing";
import { clearAssessmentDecision, decideAssessment } from "./decide-assessment";
import { getComplianceMatrix } from "./get-compliance-matrix";
import { getPortfolio } from "./get-portfolio";
import { getSkuCompliance } from "./get-sku-compliance";
import { refreshDerivedAssessments } from "./refresh-derived-assessments";
import type { TargetCatalog } from "./target-catalog";

const store = createTempBlobStore();
let target: TargetCatalog;
const camera = { modelCode: "HC-MX-1", brand: "HopCam", manufacturer: "HopCam Co", countryOfOrigin: "VN" };

beforeAll(async () => {
  target = await ensureTargetCatalog();
});


// Registers SKUs in bulk (the registry path is tested elsewhere) and derives their assessments.

describe("assessments", () => {
  it("a new SKU has one derived row per QCVN 11 clause, all not started", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, camera);
    const rows = await tenantDb(team.organization.id).assessment.findMany({ where: { skuId: sku.id } });
    expect(rows).toHaveLength(target.clauses.length);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["not_started"]));
    expect(rows.every((r) => r.origin === "derived" && r.current && r.scopeKey === "")).toBe(true);
  });

  it("manual decisions: managers decide with a reason for n/a; they survive evidence changes; clearing returns to derived", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, camera);
    const [c1, c2] = [target.clauses[0]!, target.clauses[1]!];
    await expectAppError(decideAssessment(team.ctx.contributor, { skuId: sku.id, clauseId: c1.id, status: "gap" }), "FORBIDDEN");
    await expect(decideAssessment(team.ctx.manager, { skuId: sku.id, clauseId: c1.id, status: "not_applicable" })).rejects.toBeInstanceOf(ZodError);
    const decided = await decideAssessment(team.ctx.manager, { skuId: sku.id, clauseId: c1.id, status: "gap", reason: "No lockout after failed logins" });
    expect(decided).toMatchObject({ origin: "manual", status: "gap", decidedByEmail: team.users.manager.email });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    // Evidence that would cover the clause does not overwrite the reviewer's decision.
    await createAcceptedEvidence(team.ctx.owner, store, { skuId: sku.id, clauseIds: [c1.id, c2.id], kind: "lab_test_report" });
    const compliance = await getSkuCompliance(team.ctx.viewer, sku.id);
    const entries = compliance!.groups.flatMap((g) => g.clauses);
    expect(entries.find((e) => e.clause.id === c1.id)?.assessment).toMatchObject({ status: "gap", origin: "manual" });
    expect(entries.find((e) => e.clause.id === c2.id)?.assessment).toMatchObject({ status: "covered", origin: "derived" });
    expect(entries.find((e) => e.clause.id === c1.id)?.evidence).toHaveLength(1);
    await clearAssessmentDecision(team.ctx.owner, { skuId: sku.id, clauseId: c1.id });
    const after = await tenantDb(team.organization.id).assessment.findFirstOrThrow({ where: { skuId: sku.id, clauseId: c1.id, current: true } });
    expect(after).toMatchObject({ status: "covered", origin: "derived" });
    await expectAppError(clearAssessmentDecision(team.ctx.owner, { skuId: sku.id, clauseId: c1.id }), "NOT_FOUND");
    const actions = (await auditEventsOf(team.organization.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["assessment.decided", "assessment.cleared"]));
    // Only clauses of the current QCVN 11 catalog can be assessed.
    const foreign = await expectAppError(decideAssessment(team.ctx.owner, { skuId: sku.id, clauseId: "not-a-clause", status: "gap" }), "VALIDATION");
    expect(foreign.details?.reason).toBe("not_a_target_clause");
  });

  it("a manual decision belongs to the firmware it was made for", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, camera);
    await addFirmwareVersion(team.ctx.owner, { skuId: sku.id, version: "1.0" });
    const clause = target.clauses[5]!;
    await decideAssessment(team.ctx.owner, { skuId: sku.id, clauseId: clause.id, status: "partial", reason: "only web UI tested" });
    await addFirmwareVersion(team.ctx.owner, { skuId: sku.id, version: "2.0", releaseDate: "2099-01-01" });
    const rows = await tenantDb(team.organization.id).assessment.findMany({ where: { skuId: sku.id, clauseId: clause.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.origin, r.status, r.current])).toEqual([
      ["manual", "partial", false],
      ["derived", "not_started", true],
    ]);
  });

  it("the matrix counts statuses per requirement group, filters, and paginates", async () => {
    const team = await createTeam();
    const skuA = await createSku(team.ctx.owner, camera);
    const skuB = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-MX-2" });
    const group = target.groups[0]!;
    const inGroup = target.clauses.filter((c) => c.groupId === group.id);
    await createAcceptedEvidence(team.ctx.owner, store, { skuId: skuA.id, clauseIds: [inGroup[0]!.id], kind: "lab_test_report" });
    await decideAssessment(team.ctx.owner, { skuId: skuA.id, clauseId: inGroup[1]!.id, status: "gap", reason: "fails" });
    const matrix = await getComplianceMatrix(team.ctx.viewer, {});
    expect(matrix.skuCount).toBe(2);
    const rowA = matrix.rows.find((r) => r.sku.id === skuA.id)!;
    expect(rowA.coverage.byGroup[group.id]).toMatchObject({ covered: 1, gap: 1, not_started: inGroup.length - 2 });
    expect(rowA.coverage.progress).toBeCloseTo(1 / target.clauses.length);
    expect(matrix.totals).toMatchObject({ covered: 1, gap: 1, not_started: 2 * target.clauses.length - 2 });
    expect((await getComplianceMatrix(team.ctx.viewer, { status: "gap" })).rows.map((r) => r.sku.id)).toEqual([skuA.id]);
    expect((await getComplianceMatrix(team.ctx.viewer, { search: "MX-2" })).rows.map((r) => r.sku.id)).toEqual([skuB.id]);
    expect((await getComplianceMatrix(team.ctx.viewer, { riskClass: "high" })).rows).toEqual([]);
    const first = await getComplianceMatrix(team.ctx.viewer, { limit: 1 });
    const second = await getComplianceMatrix(team.ctx.viewer, { limit: 1, cursor: first.nextCursor });
    expect([...first.rows, ...second.rows].map((r) => r.sku.id).sort()).toEqual([skuA.id, skuB.id].sort());
    expect(second.nextCursor).toBeUndefined();
  });

  it("the matrix and the derivation use a constant number of queries, for 10 or 1,000 SKUs", { timeout: 120_000 }, async () => {
    const small = await createTeam();
    const large = await createTeam();
    await createBulkSkus(small.organization.id, 10, "S", { derive: true });
    const ids = await createBulkSkus(large.organization.id, 1000, "L", { derive: true });
    expect(await tenantDb(large.organization.id).assessment.count({ where: { current: true } })).toBe(1000 * target.clauses.length);

    const smallPage = await countDatabaseQueries(() => getComplianceMatrix(small.ctx.viewer, { limit: 100 }));
    const largePage = await countDatabaseQueries(() => getComplianceMatrix(large.ctx.viewer, { limit: 100 }));
    const filtered = await countDatabaseQueries(() => getComplianceMatrix(large.ctx.viewer, { limit: 100, status: "not_started", riskClass: "medium" }));
    expect(largePage.result.rows).toHaveLength(100);
    expect(smallPage.result.rows).toHaveLength(10);
    expect(filtered.result.rows.every((r) => r.sku.riskClass === "medium")).toBe(true);
    expect(largePage.queries).toBe(smallPage.queries);
    expect(filtered.queries).toBe(largePage.queries);
    expect(largePage.queries).toBeLessThanOrEqual(8);

    const refreshTen = await countDatabaseQueries(() => tenantDb(large.organization.id).$transaction((tx) => refreshDerivedAssessments(tx, large.organization.id, ids.slice(0, 10))));
    const refreshAll = await countDatabaseQueries(() =>
      tenantDb(large.organization.id).$transaction((tx) => refreshDerivedAssessments(tx, large.organization.id, ids), { timeout: 60_000 }),
    );
    expect(refreshAll.result.rows).toBe(1000 * target.clauses.length);
    // Nothing changed since the bulk load, so nothing is rewritten, with the same statements as for ten.
    expect(refreshAll.result.written).toBe(0);
    expect(refreshAll.queries).toBe(refreshTen.queries);
    expect(refreshAll.queries).toBeLessThanOrEqual(12);
  });

  it("portfolio: a consultant sees every client organization they belong to, and only those", async () => {
    const consultant = await createTestUser();
    const clientA = await createOrganizationForUser(consultant.id, { name: "Client A" });
    const other = await createTeam();
    const invitation = await inviteMember(other.ctx.owner, { email: consultant.email, role: "viewer" });
    await acceptInvitationAsUser(invitation.token, consultant);
    const stranger = await createTeam();
    await createSku(stranger.ctx.owner, { ...camera, modelCode: "SECRET-1" });
    await createSku(await resolveTenantContext(consultant, clientA.slug), camera);
    await createSku(other.ctx.owner, { ...camera, modelCode: "OTHER-1" });

    const portfolio = await getPortfolio(consultant);
    expect(portfolio.map((p) => p.organization.id).sort()).toEqual([clientA.id, other.organization.id].sort());
    expect(portfolio.flatMap((p) => p.skus.map((s) => s.sku.modelCode)).sort()).toEqual(["HC-MX-1", "OTHER-1"]);
    expect(portfolio.find((p) => p.organization.id === other.organization.id)).toMatchObject({ skuCount: 1, clauseCount: target.clauses.length, organization: { role: "viewer" } });
  });
});
