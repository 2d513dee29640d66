#!/usr/bin/env node
// Fails when prisma/schema.prisma has changes that no migration carries: applies migrations/ to one
// empty database and the schema's full diff to another, then compares tables, columns, indexes and
// constraints (what the schema describes; triggers from hand-written SQL are out of its scope).
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "./load-env.mjs";

const base = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hopquy";
const prisma = path.join(repoRoot, "node_modules/.bin/prisma");
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const names = { migrated: `hopquy_drift_m_${suffix}`, schema: `hopquy_drift_s_${suffix}` };
const urlFor = (db) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();

async function withClient(db, fn) {
  const client = new pg.Client({ connectionString: urlFor(db) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const SHAPE_QUERY = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL
  SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL
  SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND conrelid <> coalesce(to_regclass('public._prisma_migrations'), 0)::oid
  UNION ALL
  SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  ORDER BY 1`;

await withClient("postgres", async (c) => {
  for (const db of Object.values(names)) await c.query(`CREATE DATABASE "${db}"`);
});
try {
  const env = (db) => ({ ...process.env, DATABASE_URL: urlFor(db) });
  execFileSync(prisma, ["migrate", "deploy"], { cwd: repoRoot, env: env(names.migrated), stdio: "pipe" });
  const script = execFileSync(prisma, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
    cwd: repoRoot,
    env: env(names.schema),
    encoding: "utf8",
  });
  await withClient(names.schema, (c) => c.query(script));
  const [migrated, fromSchema] = await Promise.all(
    [names.migrated, names.schema].map((db) => withClient(db, async (c) => (await c.query(SHAPE_QUERY)).rows.map((r) => r.item))),
  );
  const missing = fromSchema.filter((item) => !migrated.includes(item));
  const extra = migrated.filter((item) => !fromSchema.includes(item));
  if (missing.length || extra.length) {
    console.error("Schema drift: prisma/schema.prisma and prisma/migrations/ disagree. Run npm run db:migration -- <name>.");
    for (const item of missing) console.error(`  only in schema.prisma: ${item}`);
    for (const item of extra) console.error(`  only in migrations:    ${item}`);
    process.exitCode = 1;
  } else {
    console.log(`No drift: ${migrated.length} schema items match.`);
  }
} finally {
  await withClient("postgres", async (c) => {
    for (const db of Object.values(names)) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  });
}
