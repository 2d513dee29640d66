import { z } from "zod";

export const organizationKindSchema = z.enum(["manufacturer", "importer", "consultancy"]);

export const organizationInput = z.object({
  name: z.string().trim().min(2, "name_too_short").max(120, "name_too_long"),
  kind: organizationKindSchema.default("manufacturer"),
});
