import { randomUUID } from "node:crypto";
import { platformDb, tenantDb, type TenantTx } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import { organizationInput } from "./organization-input";
import { RESERVED_SLUGS, slugify } from "./slugify";
import { isKnownRequestError } from "../unique-violation";

async function availableSlug(name: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = attempt === 0 ? base : `${base}-${attempt + 1}`;
    if (RESERVED_SLUGS.has(candidate)) continue;
    const taken = await platformDb().organization.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  return `${base}-${randomUUID().slice(0, 8)}`;
}

// Creates the organization, its first owner membership and the first audit event atomically.
// `inside` lets first-run setup create the user in the same transaction.
export async function createOrganizationWithOwner(
  owner: { userId?: string; email: string },
  rawInput: z.input<typeof organizationInput>,
  inside?: (tx: TenantTx, organizationId: string) => Promise<string>,
) {
  const input = organizationInput.parse(rawInput);
  const organizationId = randomUUID();
  // Two creations racing for one name both find its slug free; the loser retries with the next one.
  for (let attempt = 1; ; attempt++) {
    const slug = await availableSlug(input.name);
    try {
      return await tenantDb(organizationId).$transaction(async (tx) => {
        const userId = inside ? await inside(tx, organizationId) : owner.userId;
        if (!userId) throw new Error("createOrganizationWithOwner needs a user");
        const organization = await tx.organization.create({ data: { slug, name: input.name, kind: input.kind } });
        await tx.membership.create({ data: { organizationId, userId, role: "owner" } });
        await appendAuditEvent(tx, { organizationId, userId, userEmail: owner.email }, {
          action: "organization.created",
          targetType: "organization",
          targetId: organizationId,
          after: { name: input.name, kind: input.kind, slug },
        });
        return { organization, userId };
      });
    } catch (error) {
      if (attempt >= 3 || !isSlugTaken(error)) throw error;
    }
  }
}

// A new organization's only unique column besides its random id is the slug.
function isSlugTaken(error: unknown): boolean {
  return isKnownRequestError(error) && error.code === "P2002" && error.meta?.modelName === "Organization";
}
