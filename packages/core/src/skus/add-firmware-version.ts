import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { dateOfIsoDay } from "../assessments/today";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { conflictOnUniqueViolation } from "../unique-violation";
import { firmwareVersionInput } from "./sku-input";


// A new firmware version is how a camera changes (evidence marked firmware-dependent will need
// re-verification for it).
export async function addFirmwareVersion(ctx: TenantContext, rawInput: z.input<typeof firmwareVersionInput>) {
  assertCan(ctx, "sku:update");
  const input = firmwareVersionInput.parse(rawInput);
  return tenantDb(ctx.organizationId)
    .$transaction(async (tx) => {
      if (!(await tx.sku.findUnique({ where: { id: input.skuId }, select: { id: true } }))) throw notFound("SKU");
      const firmware = await tx.firmwareVersion.create({
        data: {
          organizationId: ctx.organizationId,
          skuId: input.skuId,
          version: input.version,
          releaseDate: dateOfIsoDay(input.releaseDate),
          signedUpdates: input.signedUpdates,
          supportEndsAt: dateOfIsoDay(input.supportEndsAt),
        },
      });
      await appendAuditEvent(tx, ctx, {
        action: "firmware.added",
        targetType: "sku",
        targetId: input.skuId,
        after: { version: firmware.version, signedUpdates: firmware.signedUpdates, releaseDate: input.releaseDate ?? null, supportEndsAt: input.supportEndsAt ?? null },
      });
      // The SKU is now assessed at this firmware: firmware-dependent evidence of older versions stops counting.
      await refreshDerivedAssessments(tx, ctx.organizationId, [input.skuId]);
      return firmware;
    })
    .catch(conflictOnUniqueViolation("duplicate_firmware", "This firmware version is already registered"));
}
