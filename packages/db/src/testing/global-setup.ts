import type { TestProject } from "vitest/node";
import { createMigratedTestDatabase, dropTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
  }
}

const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hopquy";

export default async function setup(project: TestProject) {
  const url = await createMigratedTestDatabase(baseUrl, "it");
  project.provide("databaseUrl", url);
  project.provide("redisPrefix", `hq-test-${process.pid}-${Date.now().toString(36)}`);
  return async () => {
    await dropTestDatabase(url);
  };
}
