#!/usr/bin/env node
// `npm run setup`: install, write .env with fresh secrets if absent, create + migrate the database,
// seed reference data, build. Safe to run again.
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadRootEnv, repoRoot } from "./load-env.mjs";

const run = (command, env = {}) => {
  console.log(`\n$ ${command}`);
  execSync(command, { cwd: repoRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
};

const envFile = path.join(repoRoot, ".env");
if (!existsSync(envFile)) {
  writeFileSync(
    envFile,
    [
      "# Written by npm run setup. Secrets are generated per machine; never commit this file.",
      "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/hopquy",
      "REDIS_URL=redis://127.0.0.1:6379",
      `AUTH_SECRET=${randomBytes(32).toString("base64url")}`,
      "AUTH_TRUST_HOST=true",
      "PORT=3000",
      "# E-mail (README, \"E-mail\"): without SMTP_HOST nothing is sent and e-mails wait in the outbox.",
      "APP_URL=http://localhost:3000",
      "# SMTP_HOST=smtp.example.vn",
      "# SMTP_PORT=587",
      "# SMTP_USER=",
      "# SMTP_PASSWORD=",
      "# MAIL_FROM=HopQuy <no-reply@example.vn>",
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  console.log("Wrote .env with a freshly generated AUTH_SECRET.");
}
loadRootEnv();

run("npm install --no-audit --no-fund");
run("node scripts/ensure-database.mjs");
run("npx prisma migrate deploy");
run("npx tsx prisma/seed.ts");
run("npx turbo run build --filter=@hopquy/web");
console.log("\nSetup done. Start with: npm start   (web on http://localhost:" + (process.env.PORT ?? 3000) + ")");
