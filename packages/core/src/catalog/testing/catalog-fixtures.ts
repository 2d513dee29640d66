// Helpers for the catalog integration tests (never imported by application code). Catalog tables are
// global and shared by every integration test file of a run: tests count rows for their own
// regulation codes and mapping-set keys, and make changed files under fresh TEST_ codes.
import { randomBytes } from "node:crypto";
import type { Catalog, MappingSet } from "@hopquy/catalog";
import { loadShippedData } from "@hopquy/catalog/shipped";
import { platformDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { expect } from "vitest";
import { AppError, type AppErrorCode } from "../../errors";

export const QCVN_135 = { regulation: "QCVN_135_2024_BTTTT", version: "2024" } as const;
export const QCVN_11 = { regulation: "QCVN_11_2026_BCA", version: "2026-provisional-1" } as const;
export const ETSI_V2 = { regulation: "ETSI_EN_303_645", version: "V2.1.1" } as const;

/** A shipped catalog as parsed from packages/catalog/data (a fresh copy to modify). */
export function shippedCatalog(ref: { regulation: string; version: string }): Catalog {
  const catalog = loadShippedData().catalogs.find((c) => c.regulation === ref.regulation && c.version === ref.version);
  if (!catalog) throw new Error(`no shipped catalog ${ref.regulation}@${ref.version}`);
  return structuredClone(catalog);
}

export function shippedMappingSet(id: string): MappingSet {
  const set = loadShippedData().mappingSets.find((s) => s.id === id);
  if (!set) throw new Error(`no shipped mapping set ${id}`);
  return structuredClone(set);
}

export const uniqueRegulation = () => `TEST_${randomBytes(4).toString("hex").toUpperCase()}`;
export const uniqueMappingSetId = () => `test-${randomBytes(4).toString("hex")}`;

/** QCVN 135 under a fresh regulation code: a "new catalog" no other test knows about. */
export function freshCatalog(): Catalog {
  return { ...shippedCatalog(QCVN_135), regulation: uniqueRegulation() };
}

export async function createPlatformAdmin() {
  const user = await createTestUser();
  return { id: user.id, email: user.email, isPlatformAdmin: true };
}

/** Rows stored for one regulation (all its versions and revisions). */
export async function rowsOfRegulation(regulation: string) {
  const db = platformDb();
  const [versions, groups, clauses] = await Promise.all([
    db.catalogVersion.count({ where: { regulation } }),
    db.requirementGroup.count({ where: { catalogVersion: { regulation } } }),
    db.clause.count({ where: { catalogVersion: { regulation } } }),
  ]);
  return { versions, groups, clauses };
}

/** Rows stored for one mapping-set key (all its revisions). */
export async function rowsOfMappingSet(key: string) {
  const db = platformDb();
  const [sets, mappings] = await Promise.all([
    db.mappingSet.count({ where: { key } }),
    db.clauseMapping.count({ where: { mappingSet: { key } } }),
  ]);
  return { sets, mappings };
}

/** The newest revision of a catalog version label. */
export async function latestCatalogVersion(ref: { regulation: string; version: string }) {
  return platformDb().catalogVersion.findFirstOrThrow({ where: { regulation: ref.regulation, version: ref.version }, orderBy: { revision: "desc" } });
}

export async function latestMappingSet(key: string) {
  return platformDb().mappingSet.findFirstOrThrow({ where: { key }, orderBy: { revision: "desc" } });
}

/** 1-based number of the first line containing `needle` (after line `after`). */
export function lineContaining(text: string, needle: string, after = 0): number {
  const index = text.split(/\r\n|\n|\r/).findIndex((line, i) => i + 1 > after && line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in the text`);
  return index + 1;
}

/** Resolves to the AppError the promise rejected with, after checking its code. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
