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

// adapter-pg's executeScript splits a migration on every ";", which breaks plpgsql function bodies
// (our append-only audit trigger). pg's simple query protocol runs a whole script as one call.
class PrismaPgWholeScripts extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaPgWholeScripts(connectionFields(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL));
  },
});
