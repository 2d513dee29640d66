import type { MembershipRole } from "@hopquy/db";

// Who is acting, in which organization, with which role. Resolved once per entry point
// (page layout, server action, route handler, job) and passed to every service.
export interface TenantContext {
  organizationId: string;
  organizationSlug: string;
  userId: string;
  userEmail: string;
  role: MembershipRole;
}
