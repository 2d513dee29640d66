import { tenantDb, type Prisma } from "@hopquy/db";
import { z } from "zod";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";

export const listSkusInput = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  familyId: z.string().max(64).optional(),
  search: z.string().trim().max(100).optional(),
  includeArchived: z.coerce.boolean().default(false),
  // For pickers that link to a SKU at a firmware version.
  withFirmware: z.boolean().default(false),
});

// Newest first, keyset-paginated on (createdAt, id): constant cost per page at any registry size.
export async function listSkus(ctx: TenantContext, rawInput: z.input<typeof listSkusInput> = {}) {
  assertCan(ctx, "sku:read");
  const { cursor, limit, familyId, search, includeArchived, withFirmware } = listSkusInput.parse(rawInput);
  const where: Prisma.SkuWhereInput = {
    ...(familyId ? { familyId } : {}),
    ...(includeArchived ? {} : { archivedAt: null }),
    ...(search
      ? {
          OR: [
            { modelCode: { contains: search, mode: "insensitive" } },
            { brand: { contains: search, mode: "insensitive" } },
            { manufacturer: { contains: search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const rows = await tenantDb(ctx.organizationId).sku.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    include: {
      family: { select: { id: true, name: true } },
      _count: { select: { firmwareVersions: true } },
      firmwareVersions: withFirmware ? { select: { id: true, version: true }, orderBy: { createdAt: "desc" } } : false,
    },
  });
  const skus = rows.slice(0, limit);
  return { skus, nextCursor: rows.length > limit ? skus[skus.length - 1]?.id : undefined };
}
