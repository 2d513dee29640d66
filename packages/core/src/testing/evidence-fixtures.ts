// Evidence helpers for integration tests: a real local blob store in a temp dir and tiny real files.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { LocalDiskBlobStore } from "@hopquy/storage";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { loadTargetCatalog } from "../assessments/target-catalog";
import { platformDb } from "@hopquy/db";

export function createTempBlobStore(): LocalDiskBlobStore {
  return new LocalDiskBlobStore({ root: mkdtempSync(path.join(os.tmpdir(), "hq-evidence-")) });
}

export function pdfBytes(label = "report"): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${label} ${Math.random()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export const streamOf = (bytes: Buffer) => Readable.from([bytes]);

// The shipped catalogs (idempotent), and the current QCVN 11 target.
export async function ensureTargetCatalog() {
  await loadShippedReferenceData();
  const target = await loadTargetCatalog(platformDb());
  if (!target) throw new Error("QCVN 11 catalog missing after loading shipped data");
  return target;
}
