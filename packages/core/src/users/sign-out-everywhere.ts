import { platformDb } from "@hopquy/db";

export async function signOutEverywhere(userId: string): Promise<void> {
  await platformDb().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
