import { lockOrganization, type TenantTx } from "@hopquy/db";
import { AppError } from "../errors";

// An organization must always keep an owner; serialised so two owners cannot demote each other at once.
export async function assertAnotherOwnerRemains(tx: TenantTx, leavingMembershipId: string): Promise<void> {
  const membership = await tx.membership.findUniqueOrThrow({ where: { id: leavingMembershipId }, select: { organizationId: true } });
  await lockOrganization(tx, membership.organizationId);
  const otherOwners = await tx.membership.count({ where: { role: "owner", id: { not: leavingMembershipId } } });
  if (otherOwners === 0) throw new AppError("CONFLICT", "The last owner cannot be removed or demoted", { reason: "last_owner" });
}
