#!/usr/bin/env node
// Creates the database named in DATABASE_URL if it does not exist yet.
import pg from "pg";
import { loadRootEnv } from "./load-env.mjs";

loadRootEnv();
const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hopquy");
const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
if (!/^[a-zA-Z0-9_-]+$/.test(database)) throw new Error(`Unexpected database name in DATABASE_URL: ${database}`);
const admin = new URL(url);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
try {
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (rowCount === 0) {
    await client.query(`CREATE DATABASE "${database}"`);
    console.log(`Created database ${database}.`);
  } else {
    console.log(`Database ${database} exists.`);
  }
} finally {
  await client.end();
}
