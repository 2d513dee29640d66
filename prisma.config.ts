// Prisma 6.19 with the JavaScript schema engine: no Rust binaries are downloaded (see STACK.md).
// The migration adapter is adapter-pg 7.x (aliased) because 6.19 chokes on Postgres' `name` type.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg-migrate";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/hopquy";
// schema.prisma's env("DATABASE_URL") must resolve even for `prisma generate` on a fresh clone.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

function connectionFields(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || "postgres"),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: parsed.pathname.replace(/^\//, "") || "postgres",
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaPg(connectionFields(process.env.DATABASE_URL));
  },
});
