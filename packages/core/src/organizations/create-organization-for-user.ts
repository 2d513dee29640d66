import { platformDb } from "@hopquy/db";
import { z } from "zod";
import { notFound } from "../errors";
import { createOrganizationWithOwner } from "./create-organization";
import { organizationInput } from "./organization-input";

// Any signed-in user may open a new organization (a consultant adds a client) and owns it.
export async function createOrganizationForUser(userId: string, input: z.input<typeof organizationInput>) {
  const user = await platformDb().user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw notFound("User");
  const { organization } = await createOrganizationWithOwner({ userId: user.id, email: user.email }, input);
  return organization;
}
