#!/usr/bin/env node
// `npm test`: everything, in order of cost: typecheck, unit, integration (real Postgres/Redis),
// then the browser tests against a production build. Ends with one summary line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./load-env.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const reports = mkdtempSync(path.join(os.tmpdir(), "hq-test-"));
let passed = 0;
let failed = 0;
let skipped = 0;

const failedSteps = [];

function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit", env });
  if (result.status !== 0) failedSteps.push(`${title} (exit ${result.status ?? result.signal})`);
  return result.status === 0;
}

function vitestProject(project) {
  const report = path.join(reports, `${project}.json`);
  const ok = step(`${project} tests`, "npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    if (json.numTotalTests === 0) {
      console.error(`No ${project} tests ran.`);
      failedSteps.push(`${project} tests (none ran)`);
      return false;
    }
  } catch {
    console.error(`No report from the ${project} tests.`);
    failedSteps.push(`${project} tests (no report)`);
    return false;
  }
  return ok;
}

const results = [];
results.push(step("typecheck", "npm", ["run", "typecheck"]));
results.push(step("schema drift", "node", ["scripts/check-migrations.mjs"]));
results.push(vitestProject("unit"));
results.push(vitestProject("integration"));
results.push(step("build web", "npx", ["turbo", "run", "build", "--filter=@hopquy/web"]) && vitestProject("e2e"));

const allOk = results.every(Boolean);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
// Named, because a step can fail with every test passed (an unhandled error, a typecheck, a build).
if (failedSteps.length) console.error(`Failed steps: ${failedSteps.join("; ")}`);
process.exit(allOk ? 0 : 1);
