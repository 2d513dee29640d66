#!/usr/bin/env node
// `npm start`: runs the built web app and the worker together; stops both when either stops.
import { spawn } from "node:child_process";
import path from "node:path";
import { loadRootEnv, repoRoot } from "./load-env.mjs";

loadRootEnv();
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join(repoRoot, "node_modules/.bin", name);

const children = [
  spawn(bin("next"), ["start", "--port", env.PORT ?? "3000"], { cwd: path.join(repoRoot, "apps/web"), env: { ...env, HOPQUY_SERVICE: "web" }, stdio: "inherit" }),
  spawn(bin("tsx"), ["src/main.ts"], { cwd: path.join(repoRoot, "apps/worker"), env: { ...env, HOPQUY_SERVICE: "worker" }, stdio: "inherit" }),
];

let exiting = false;
function stopAll(code) {
  if (exiting) return;
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 10_000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() => process.exit(code));
}
for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
