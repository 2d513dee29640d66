import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { organizationInput } from "./organization-input";

export const updateOrganizationInput = organizationInput;

export async function updateOrganization(ctx: TenantContext, rawInput: z.input<typeof updateOrganizationInput>) {
  assertCan(ctx, "organization:update");
  const input = updateOrganizationInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.organizationId } });
    const after = await tx.organization.update({ where: { id: ctx.organizationId }, data: input });
    await appendAuditEvent(tx, ctx, {
      action: "organization.updated",
      targetType: "organization",
      targetId: ctx.organizationId,
      before: { name: before.name, kind: before.kind },
      after: { name: after.name, kind: after.kind },
    });
    return after;
  });
}
