#!/usr/bin/env node
// `npm run test:e2e`: build the web app, then run the browser tests against it.
import { execSync } from "node:child_process";
import { repoRoot } from "./load-env.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
execSync("npx turbo run build --filter=@hopquy/web", { cwd: repoRoot, stdio: "inherit", env });
execSync("npx vitest run --project e2e", { cwd: repoRoot, stdio: "inherit", env });
