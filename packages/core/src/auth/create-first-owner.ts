import { advisoryXactLock, platformDb } from "@hopquy/db";
import { z } from "zod";
import { AppError } from "../errors";
import { createOrganizationWithOwner } from "../organizations/create-organization";
import { organizationKindSchema } from "../organizations/organization-input";
import { emailSchema, hashPassword, passwordSchema } from "./password";

export async function isInstanceEmpty(): Promise<boolean> {
  return (await platformDb().user.count()) === 0;
}

export const firstOwnerInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "name_required").max(120),
  password: passwordSchema,
  organizationName: z.string().trim().min(2, "name_too_short").max(120),
  organizationKind: organizationKindSchema.default("manufacturer"),
});

// No default credentials: an empty instance lets exactly one visitor (or the CLI) create the owner.
export async function createFirstOwner(rawInput: z.input<typeof firstOwnerInput>) {
  const input = firstOwnerInput.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  const { organization, userId } = await createOrganizationWithOwner(
    { email: input.email },
    { name: input.organizationName, kind: input.organizationKind },
    async (tx) => {
      // One global lock: two first visitors racing cannot both become owner.
      await advisoryXactLock(tx, "first-run-setup");
      if ((await tx.user.count()) > 0) throw new AppError("CONFLICT", "This instance is already set up", { reason: "already_set_up" });
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, isPlatformAdmin: true } });
      return user.id;
    },
  );
  return { userId, organization };
}
