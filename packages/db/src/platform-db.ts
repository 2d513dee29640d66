// Identity-level access (users, organizations, sign-in attempts) for code that acts before a
// tenant is known: sign-in, first-run setup, creating an organization. Tenant models are refused
// here so that the only way to reach them is `tenantDb(organizationId)` or a named cross-tenant
// query below.
import { getRawClient, type RawClient } from "./raw-client";
import { findTenantRelation, isTenantModel } from "./tenant-models";

function buildPlatformClient(client: RawClient) {
  return client.$extends({
    name: "platform-guard",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (isTenantModel(model)) {
            throw new Error(`${model}.${operation} needs tenantDb(organizationId), not platformDb.`);
          }
          const nested = findTenantRelation(args);
          if (nested) throw new Error(`${model}: ${nested} needs tenantDb(organizationId), not platformDb.`);
          return query(args);
        },
      },
    },
  });
}

export type PlatformDb = ReturnType<typeof buildPlatformClient>;

let platform: PlatformDb | undefined;
let platformFor: RawClient | undefined;

export function platformDb(): PlatformDb {
  const raw = getRawClient();
  if (!platform || platformFor !== raw) {
    platform = buildPlatformClient(raw);
    platformFor = raw;
  }
  return platform;
}
