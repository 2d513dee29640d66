// Starts the built web app and the worker against a fresh database for the browser tests.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createMigratedTestDatabase, dropTestDatabase } from "../packages/db/src/testing/test-database";
import { startSmtpTestServer } from "../packages/mail/src/testing/smtp-test-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
    // GET: JSON array of the mails the test SMTP server received ({ from, to, raw }).
    mailboxUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100);

async function waitForHealthy(url: string, deadlineMs: number, processes: ChildProcess[]) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (processes.some((p) => p.exitCode !== null)) throw new Error("A server process exited during start-up (see output above)");
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Server at ${url} did not become healthy in ${deadlineMs} ms`);
}

export default async function setup(project: TestProject) {
  const databaseUrl = await createMigratedTestDatabase(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hopquy", "e2e");
  // A real SMTP server the app delivers to, and a mailbox endpoint the tests (other processes) read.
  const smtp = await startSmtpTestServer();
  const mailbox = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(smtp.received));
  });
  await new Promise<void>((resolve) => mailbox.listen(0, "127.0.0.1", () => resolve()));
  const mailboxUrl = `http://127.0.0.1:${(mailbox.address() as AddressInfo).port}/`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    BULLMQ_PREFIX: `hq-e2e-${process.pid}`,
    LOG_LEVEL: "warn",
    // Uploaded evidence goes to a throwaway directory, never into the checkout's storage-data/.
    STORAGE_DRIVER: "local",
    STORAGE_LOCAL_ROOT: mkdtempSync(path.join(os.tmpdir(), "hq-e2e-blobs-")),
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: "false",
    MAIL_FROM: "HopQuy <no-reply@e2e.hopquy.vn>",
    APP_URL: `http://127.0.0.1:${port}`,
  };
  const bin = (name: string) => path.join(root, "node_modules/.bin", name);
  // The reference catalogs, as `npm run setup` publishes them.
  execFileSync(bin("tsx"), ["prisma/seed.ts"], { cwd: root, env, stdio: "inherit" });
  const web = spawn(bin("next"), ["start", "--port", String(port)], { cwd: path.join(root, "apps/web"), env, stdio: ["ignore", "inherit", "inherit"] });
  const worker = spawn(bin("tsx"), ["src/main.ts"], { cwd: path.join(root, "apps/worker"), env, stdio: ["ignore", "inherit", "inherit"] });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(`${baseUrl}/api/health`, 60_000, [web, worker]);
  } catch (error) {
    web.kill("SIGTERM");
    worker.kill("SIGTERM");
    await Promise.all([smtp.close(), new Promise((r) => mailbox.close(r))]);
    await dropTestDatabase(databaseUrl);
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", databaseUrl);
  project.provide("mailboxUrl", mailboxUrl);
  return async () => {
    const exited = [web, worker].map((p) => (p.exitCode !== null ? Promise.resolve() : new Promise((r) => p.once("exit", r))));
    web.kill("SIGTERM");
    worker.kill("SIGTERM");
    await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 10_000))]);
    await Promise.all([smtp.close(), new Promise((r) => mailbox.close(r))]);
    await dropTestDatabase(databaseUrl);
  };
}
