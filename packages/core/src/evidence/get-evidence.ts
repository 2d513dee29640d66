import { tenantDb } from "@hopquy/db";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";

export async function getEvidence(ctx: TenantContext, evidenceId: string) {
  assertCan(ctx, "evidence:read");
  const db = tenantDb(ctx.organizationId);
  const evidence = await db.evidence.findUnique({
    where: { id: evidenceId.slice(0, 64) },
    include: {
      revisions: { orderBy: { number: "desc" } },
      clauseLinks: {
        orderBy: { createdAt: "asc" },
        include: {
          clause: {
            select: {
              id: true,
              code: true,
              titleVi: true,
              titleEn: true,
              catalogVersion: { select: { id: true, regulation: true, version: true, revision: true } },
            },
          },
        },
      },
      skuLinks: {
        orderBy: { createdAt: "asc" },
        include: {
          sku: { select: { id: true, modelCode: true, hardwareRevision: true, brand: true } },
          firmwareVersion: { select: { id: true, version: true } },
        },
      },
    },
  });
  if (!evidence) throw notFound("Evidence");
  return evidence;
}
