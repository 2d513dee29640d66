import { z } from "zod";

const id = z.string().min(1).max(64);

export const listNotificationsInput = z.object({
  cursor: id.optional().or(z.literal("").transform(() => undefined)),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const markNotificationsReadInput = z
  .object({ ids: z.array(id).max(100).optional(), all: z.boolean().optional() })
  .refine((v) => Boolean(v.all) !== Boolean(v.ids?.length), { message: "ids_or_all", path: ["ids"] });
