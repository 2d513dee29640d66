import { exportSkus, SKU_EXPORT_FORMATS } from "@hopquy/core";
import { z } from "zod";
import { tenantRoute } from "@/lib/tenant-route";
import { fileResponse } from "@/lib/user-route";

const query = z.object({
  format: z.enum(SKU_EXPORT_FORMATS).default("xlsx"),
  archived: z.enum(["0", "1"]).default("0"),
  template: z.enum(["0", "1"]).default("0"),
});

// GET ?format=csv|xlsx[&archived=1][&template=1] — the SKU registry as a file that imports back.
export const GET = tenantRoute("sku:read", async (ctx, request) => {
  const { format, archived, template } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return fileResponse(await exportSkus(ctx, { format, includeArchived: archived === "1", template: template === "1" }));
});
