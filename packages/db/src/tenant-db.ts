// The one tenant-scoped access path. Every query on a tenant model made through `tenantDb(orgId)`
// gets `organizationId` forced into its `where` and `data`, so a foreign id is simply not found
// and a row can never be written into another organization.
import { advisoryXactLock } from "./advisory-lock";
import { getRawClient, type RawClient } from "./raw-client";
import { findTenantRelation, isTenantModel } from "./tenant-models";

type Args = Record<string, unknown>;

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
]);

function withData(data: unknown, organizationId: string): unknown {
  if (Array.isArray(data)) return data.map((row) => withData(row, organizationId));
  const row = (data ?? {}) as Args;
  if ("organization" in row) {
    throw new Error("Tenant-scoped writes must not set the organization relation; it is implied.");
  }
  // Callers may spell organizationId out (Prisma's types ask for it); it must be this tenant's.
  if (row.organizationId !== undefined && row.organizationId !== organizationId) {
    throw new Error("Refused: a tenant-scoped client cannot write rows of another organization.");
  }
  return { ...row, organizationId };
}

export function scopeTenantArgs(operation: string, args: Args | undefined, organizationId: string): Args {
  const scoped: Args = { ...(args ?? {}) };
  if (WHERE_OPERATIONS.has(operation)) {
    scoped.where = { ...((scoped.where as Args | undefined) ?? {}), organizationId };
  }
  if (operation === "update" || operation === "updateMany" || operation === "updateManyAndReturn" || operation === "upsert") {
    // Upsert carries its changes in `update`, the others in `data`.
    const data = ((operation === "upsert" ? scoped.update : scoped.data) ?? {}) as Args;
    if ("organizationId" in data || "organization" in data) {
      throw new Error("A row cannot be moved to another organization.");
    }
  }
  if (operation === "create" || operation === "createMany" || operation === "createManyAndReturn") {
    scoped.data = withData(scoped.data, organizationId);
  }
  if (operation === "upsert") {
    scoped.where = { ...((scoped.where as Args | undefined) ?? {}), organizationId };
    scoped.create = withData(scoped.create, organizationId);
  }
  return scoped;
}

function refuseNestedTenantRelations(model: string, args: Args | undefined, allowTopLevelReads: boolean): void {
  for (const [key, value] of Object.entries(args ?? {})) {
    // The pinned organization may include its own members/invitations/events directly (one level).
    const inner = allowTopLevelReads && (key === "include" || key === "select") && value && typeof value === "object"
      ? Object.values(value as Args)
      : value;
    const found = findTenantRelation(inner);
    if (found) throw new Error(`${model}.${found} cannot be reached through a nested query here: query the tenant model with tenantDb.`);
  }
}

function scopeOrganizationArgs(operation: string, args: Args | undefined, organizationId: string): Args {
  refuseNestedTenantRelations("Organization", args, operation.startsWith("find"));
  if (operation === "create") {
    // Creating the tenant itself: the id is chosen up front so the whole creation is one transaction.
    return { ...(args ?? {}), data: { ...(((args ?? {}).data as Args | undefined) ?? {}), id: organizationId } };
  }
  if (!["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "update"].includes(operation)) {
    throw new Error(`organization.${operation} is not available on a tenant-scoped client.`);
  }
  return { ...(args ?? {}), where: { ...(((args ?? {}).where as Args | undefined) ?? {}), id: organizationId } };
}

function buildTenantClient(client: RawClient, organizationId: string) {
  return client.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (model === "Organization") {
            return query(scopeOrganizationArgs(operation, args as Args, organizationId));
          }
          // From a tenant row, a relation to User could lead on to that user's other organizations.
          refuseNestedTenantRelations(model, args as Args, false);
          if (isTenantModel(model)) {
            return query(scopeTenantArgs(operation, args as Args, organizationId));
          }
          return query(args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof buildTenantClient>;
export type TenantTx = Omit<TenantDb, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function tenantDb(organizationId: string): TenantDb {
  if (!organizationId) throw new Error("tenantDb needs an organizationId");
  return buildTenantClient(getRawClient(), organizationId);
}

// Serialises audit appends (and anything else that needs it) per organization.
export function lockOrganization(tx: TenantTx, organizationId: string): Promise<void> {
  return advisoryXactLock(tx, organizationId);
}
