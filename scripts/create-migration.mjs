#!/usr/bin/env node
// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that takes the schema committed at HEAD to the working-tree prisma/schema.prisma.
// (`prisma migrate dev` cannot run with the offline JS engine; see STACK.md.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits, underscores)");
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, "..");
const prismaBin = path.join(root, "node_modules/.bin/prisma");
let from = ["--from-empty"];
try {
  const headSchema = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
  const dir = mkdtempSync(path.join(os.tmpdir(), "hq-schema-"));
  const file = path.join(dir, "schema.prisma");
  writeFileSync(file, headSchema);
  from = ["--from-schema-datamodel", file];
} catch {
  console.warn("No schema at HEAD: diffing from an empty database.");
}
// The JS schema engine connects even for offline diffs: point it at the always-present database.
const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hopquy");
base.pathname = "/postgres";
const sql = execFileSync(
  prismaBin,
  ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: base.toString() } },
);
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("Schema unchanged since HEAD: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
if (existsSync(dir)) throw new Error(`${dir} already exists`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then npm run db:migrate`);
