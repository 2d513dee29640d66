import { forbidden } from "../errors";

// Platform administrators operate the service (catalog imports); this is not a tenant role.
export function assertPlatformAdmin(user: { isPlatformAdmin: boolean }): void {
  if (!user.isPlatformAdmin) throw forbidden("Platform administrators only");
}
