import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditHashInput {
  organizationId: string;
  seq: number;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
  prevHash: string;
}

// Key-order independent JSON, so the hash does not depend on how Postgres returns jsonb.
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function computeAuditHash(input: AuditHashInput): string {
  return createHash("sha256").update(canonicalJson({ ...input, createdAt: input.createdAt.toISOString() })).digest("hex");
}
