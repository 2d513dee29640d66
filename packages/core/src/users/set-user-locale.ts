import { platformDb } from "@hopquy/db";
import { z } from "zod";

export const localeSchema = z.enum(["vi", "en"]);

export async function setUserLocale(userId: string, locale: z.infer<typeof localeSchema>): Promise<void> {
  await platformDb().user.update({ where: { id: userId }, data: { locale: localeSchema.parse(locale) } });
}
