import type { Catalog, MappingSet } from "@hopquy/catalog";
import {
  countReferenceChanges,
  diffCatalogImpact,
  diffMappingImpact,
  mappingChangeKey,
  type ReferenceChange,
  type ReferenceChangeCounts,
} from "@hopquy/compliance";
import {
  findOrganizationsForReferenceImpact,
  flagAssessmentsAt,
  flagAssessmentsOnClauses,
  flagRemappedAssessmentsUsingMappings,
  lockOrganization,
  platformDb,
  tenantDb,
  type Prisma,
} from "@hopquy/db";
import { appendAuditEvent, type AuditActor } from "../audit/append-audit-event";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { loadTargetCatalog, TARGET_REGULATION, type TargetCatalog } from "../assessments/target-catalog";
import { compareCatalogVersionWithPrevious, compareMappingSetWithPrevious } from "../catalog/browse-catalogs";
import { notFound } from "../errors";
import { SYSTEM_ACTOR_EMAIL } from "../evidence/sweep-evidence-expiry";
import { forEachOrganization } from "../organizations/for-each-organization";
import { catalogChangedDedupeKey, type CatalogChangedPayload } from "../notifications/notification-kinds";
import { recordNotifications } from "../notifications/record-notifications";
import {
  CATALOG_IMPACT_ACTION,
  MAX_RECORDED_CHANGES,
  publicationSchema,
  publicationTargetType,
  type CatalogImpactRecord,
  type Publication,
  type RecordedChange,
} from "./catalog-impact-record";
import { catalogReviewReason, mappingReviewReason } from "./review-reasons";

// Who is told: the people who can decide assessments again.
const RECIPIENT_ROLES = ["owner", "manager"] as const;
// Re-deriving every SKU of a large organization against a new catalog takes a while.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 300_000 };

export const assessCatalogChangeImpactInput = publicationSchema;

export interface CatalogImpactOptions {
  // The regulation SKUs are assessed against; only tests pass another code (see loadTargetCatalog).
  targetRegulation?: string;
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

export type CatalogImpactOutcome =
  // Organizations were processed.
  | "assessed"
  // A catalog of another regulation: nothing is assessed against it.
  | "not_target"
  // The first revision of a mapping set (nothing can rest on it yet), or a set whose mappings are unchanged.
  | "nothing_to_review";

export interface CatalogImpactSummary {
  publication: Publication;
  outcome: CatalogImpactOutcome;
  changes: ReferenceChangeCounts;
  organizations: number;
  // Organizations that got a catalog.impact audit event in this run.
  recorded: number;
  // Organizations already done by an earlier attempt of the same publication.
  alreadyDone: number;
  affectedAssessments: number;
  // Outbox rows of immediate e-mails, to enqueue after the run.
  emailMessageIds: string[];
}

interface ImpactPlan {
  publication: Publication;
  scope: "skus" | "remapped-assessments";
  changes: ReferenceChange[];
  // Null when there is nothing to tell (a first catalog version, no clause changes).
  record: Omit<CatalogImpactRecord, "affectedAssessments" | "affectedSkus"> | null;
  reason: string;
  // Catalogs: the target to re-derive against; the previous version's clauses that changed or were
  // withdrawn, and for the changed ones the same code in the new version.
  target: TargetCatalog | null;
  flagClauseIds: string[];
  successorOf: Map<string, string>;
  // Mapping sets: rows whose explanation runs through these mappings.
  flagMappingIds: string[];
}

interface FlaggedAssessments {
  assessments: number;
  skus: number;
}

type OrganizationOutcome = { alreadyDone: true } | { alreadyDone: false; recorded: boolean; flagged: FlaggedAssessments; emailMessageIds: string[] };

// After a publication created a new revision (system level, no user): re-derives and flags what the
// change can have made wrong in every organization concerned, each in its own transaction, and
// records the change list in each affected organization's audit trail. Idempotent per organization:
// a retried job skips organizations that already have the audit event.
export async function assessCatalogChangeImpact(rawPublication: Publication, options: CatalogImpactOptions = {}): Promise<CatalogImpactSummary> {
  const publication = assessCatalogChangeImpactInput.parse(rawPublication);
  const plan = publication.kind === "catalog" ? await planCatalogImpact(publication, options.targetRegulation ?? TARGET_REGULATION) : await planMappingSetImpact(publication);
  const summary: CatalogImpactSummary = {
    publication,
    outcome: "assessed",
    changes: countReferenceChanges(plan === "not_target" || plan === "nothing_to_review" ? [] : plan.changes),
    organizations: 0,
    recorded: 0,
    alreadyDone: 0,
    affectedAssessments: 0,
    emailMessageIds: [],
  };
  if (plan === "not_target" || plan === "nothing_to_review") return { ...summary, outcome: plan };

  const organizationIds = await findOrganizationsForReferenceImpact(plan.scope);
  summary.organizations = organizationIds.length;
  // A retry skips the organizations already done (they have the audit event).
  await forEachOrganization(organizationIds, (organizationId) => assessOrganization(organizationId, plan), {
    what: "Catalog change impact",
    context: { publication },
    onProgress: options.onProgress,
    onResult: (result) => {
      if (result.alreadyDone) summary.alreadyDone += 1;
      else {
        if (result.recorded) summary.recorded += 1;
        summary.affectedAssessments += result.flagged.assessments;
        summary.emailMessageIds.push(...result.emailMessageIds);
      }
    },
  });
  return summary;
}

async function planCatalogImpact(publication: Publication, targetRegulation: string): Promise<ImpactPlan | "not_target"> {
  const db = platformDb();
  const version = await db.catalogVersion.findUnique({ where: { id: publication.id }, select: { regulation: true } });
  if (!version) throw notFound("Catalog version");
  if (version.regulation !== targetRegulation) return "not_target";
  const [{ current, previous }, target] = await Promise.all([compareCatalogVersionWithPrevious(publication.id), loadTargetCatalog(db, targetRegulation)]);
  const changes = previous ? diffCatalogImpact(previous.document as unknown as Catalog, current.document as unknown as Catalog) : [];
  const keys = changes.map((c) => c.key);
  const clauses = keys.length
    ? await db.clause.findMany({
        where: { catalogVersionId: { in: [current.id, ...(previous ? [previous.id] : [])] }, code: { in: keys } },
        select: { id: true, code: true, catalogVersionId: true },
      })
    : [];
  const idOf = (catalogVersionId: string, code: string) => clauses.find((c) => c.catalogVersionId === catalogVersionId && c.code === code)?.id ?? null;
  const review = changes.filter((c) => c.needsReview);
  return {
    publication,
    scope: "skus",
    changes,
    record:
      previous && changes.length
        ? {
            publication: {
              kind: "catalog",
              id: current.id,
              label: `${current.regulation} ${current.version}`,
              regulation: current.regulation,
              version: current.version,
              revision: current.revision,
              titleVi: current.titleVi,
              titleEn: current.titleEn,
              previous: { id: previous.id, label: `${previous.regulation} ${previous.version}`, revision: previous.revision },
            },
            ...recordedChanges(changes, (change) => (change.kind === "removed" ? idOf(previous.id, change.key) : idOf(current.id, change.key))),
          }
        : null,
    reason: catalogReviewReason(current.id),
    target,
    flagClauseIds: previous ? review.map((c) => idOf(previous.id, c.key)).filter((id): id is string => id !== null) : [],
    successorOf: new Map(
      previous
        ? review.flatMap((c) => {
            const [before, after] = [idOf(previous.id, c.key), idOf(current.id, c.key)];
            return c.kind === "changed" && before && after ? [[before, after] as const] : [];
          })
        : [],
    ),
    flagMappingIds: [],
  };
}

async function planMappingSetImpact(publication: Publication): Promise<ImpactPlan | "nothing_to_review"> {
  const { current, previous } = await compareMappingSetWithPrevious(publication.id);
  if (!previous) return "nothing_to_review";
  const changes = diffMappingImpact((previous.document as unknown as MappingSet).mappings, (current.document as unknown as MappingSet).mappings);
  const reviewKeys = new Set(changes.filter((c) => c.needsReview).map((c) => c.key));
  if (reviewKeys.size === 0) return "nothing_to_review";
  // Re-mapped rows keep the mapping ids they were computed with, which may belong to any earlier
  // revision of the set (each publication gets new ids): match the changed keys in all of them.
  const earlier = await platformDb().clauseMapping.findMany({
    where: { mappingSet: { key: current.key, revision: { lt: current.revision } } },
    select: { id: true, sourceClause: { select: { code: true } }, targetClause: { select: { code: true } } },
  });
  const flagMappingIds = earlier.filter((m) => reviewKeys.has(mappingChangeKey({ source: m.sourceClause.code, target: m.targetClause?.code }))).map((m) => m.id);
  return {
    publication,
    scope: "remapped-assessments",
    changes,
    record: {
      publication: {
        kind: "mapping-set",
        id: current.id,
        label: current.key,
        regulation: null,
        version: null,
        revision: current.revision,
        titleVi: current.titleVi,
        titleEn: current.titleEn,
        previous: { id: previous.id, label: previous.key, revision: previous.revision },
      },
      ...recordedChanges(changes, () => null),
    },
    reason: mappingReviewReason(current.id),
    target: null,
    flagClauseIds: [],
    successorOf: new Map(),
    flagMappingIds,
  };
}

function recordedChanges(changes: readonly ReferenceChange[], clauseIdOf: (change: ReferenceChange) => string | null) {
  // Stable sort: those needing review first, each group in the diff's order.
  const ordered = [...changes].sort((a, b) => Number(b.needsReview) - Number(a.needsReview));
  const items: RecordedChange[] = ordered.slice(0, MAX_RECORDED_CHANGES).map((change) => ({
    kind: change.kind,
    key: change.key,
    clauseId: clauseIdOf(change),
    reasons: change.reasons,
    why: change.why,
    needsReview: change.needsReview,
  }));
  return { changes: countReferenceChanges(changes), items, itemsOmitted: Math.max(0, changes.length - MAX_RECORDED_CHANGES) };
}

// One organization, a fixed number of queries whatever its number of SKUs and assessments.
async function assessOrganization(organizationId: string, plan: ImpactPlan): Promise<OrganizationOutcome> {
  const actor: AuditActor = { organizationId, userId: null, userEmail: SYSTEM_ACTOR_EMAIL };
  const { publication } = plan;
  return tenantDb(organizationId).$transaction(async (tx) => {
    // Serialises with the organization's own writes (and a concurrent retry of this job).
    await lockOrganization(tx, organizationId);
    const done = await tx.auditEvent.findFirst({
      where: { action: CATALOG_IMPACT_ACTION, targetType: publicationTargetType(publication.kind), targetId: publication.id },
      select: { id: true },
    });
    if (done) return { alreadyDone: true };

    let flaggedSkuIds: string[];
    if (publication.kind === "catalog") {
      // Which SKUs had a result on a clause that changed, read before re-deriving replaces them.
      const results = plan.flagClauseIds.length
        ? await tx.assessment.findMany({
            where: { current: true, clauseId: { in: plan.flagClauseIds }, status: { not: "not_started" } },
            select: { skuId: true, scopeKey: true, clauseId: true },
          })
        : [];
      // The matrix follows the newest version: every SKU is derived against it.
      const skus = await tx.sku.findMany({ select: { id: true } });
      await refreshDerivedAssessments(tx, organizationId, skus.map((s) => s.id), { target: plan.target });
      // Rows that stay on the previous version's changed or withdrawn clauses (decisions, re-mapped
      // results: made against the old text), and the new version's row wherever the SKU had a result.
      const onPrevious = await flagAssessmentsOnClauses(tx, organizationId, plan.flagClauseIds, plan.reason);
      const successors = results.flatMap((r) => {
        const clauseId = plan.successorOf.get(r.clauseId);
        return clauseId ? [{ skuId: r.skuId, scopeKey: r.scopeKey, clauseId }] : [];
      });
      flaggedSkuIds = [...onPrevious, ...(await flagAssessmentsAt(tx, organizationId, successors, plan.reason))];
    } else {
      flaggedSkuIds = await flagRemappedAssessmentsUsingMappings(tx, organizationId, plan.flagMappingIds, plan.reason);
    }
    const flagged: FlaggedAssessments = { assessments: flaggedSkuIds.length, skus: new Set(flaggedSkuIds).size };

    // A new target version moves every organization's matrix, so each hears about it; a mapping-set
    // change only concerns organizations whose re-mapped results used what changed.
    const recorded = plan.record !== null && (publication.kind === "catalog" || flagged.assessments > 0);
    const emailMessageIds: string[] = [];
    if (!recorded) return { alreadyDone: false, recorded, flagged, emailMessageIds };
    const record: CatalogImpactRecord = { ...plan.record!, affectedAssessments: flagged.assessments, affectedSkus: flagged.skus };
    await appendAuditEvent(tx, actor, {
      action: CATALOG_IMPACT_ACTION,
      targetType: publicationTargetType(publication.kind),
      targetId: publication.id,
      after: record as unknown as Prisma.InputJsonValue,
    });
    if (flagged.assessments > 0) {
      const recipients = await tx.membership.findMany({ where: { role: { in: [...RECIPIENT_ROLES] }, user: { disabledAt: null } }, select: { userId: true } });
      const payload: CatalogChangedPayload = {
        publicationKind: publication.kind,
        publicationId: publication.id,
        label: record.publication.label,
        revision: record.publication.revision,
        affectedAssessments: flagged.assessments,
        affectedSkus: flagged.skus,
      };
      const recorded = await recordNotifications(
        tx,
        recipients.map(({ userId }) => ({ organizationId, userId, kind: "catalog.changed", dedupeKey: catalogChangedDedupeKey(publication.kind, publication.id), payload })),
      );
      emailMessageIds.push(...recorded.emailMessageIds);
    }
    return { alreadyDone: false, recorded, flagged, emailMessageIds };
  }, TRANSACTION_OPTIONS);
}
