// The one-way rules of ARCHITECTURE.md, checked on the source text so a violation fails CI.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (["node_modules", ".next", "generated", ".turbo"].includes(entry)) return [];
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry) ? [full] : [];
  });
}

const files = ["apps", "packages", "scripts", "prisma", "e2e"].flatMap((d) => sourceFiles(path.join(root, d)));
const rel = (file: string) => path.relative(root, file);
const offenders = (pattern: RegExp, allowed: (relPath: string) => boolean) =>
  files.filter((f) => !allowed(rel(f)) && pattern.test(readFileSync(f, "utf8"))).map(rel);

describe("architecture boundaries", () => {
  it("scans the code base", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("only packages/db touches the Prisma client or raw SQL", () => {
    expect(offenders(/generated\/prisma|raw-client|@prisma\/client|\$queryRaw|\$executeRaw/, (p) => p.startsWith("packages/db/") || p === "packages/core/src/architecture-boundaries.test.ts" || p === "apps/web/next.config.ts")).toEqual([]);
  });

  it("only apps/web/src/auth imports next-auth", () => {
    expect(offenders(/from ["']next-auth/, (p) => p.startsWith("apps/web/src/auth/"))).toEqual([]);
  });

  it("pure packages import nothing with I/O", () => {
    const pure = (p: string) =>
      (p.startsWith("packages/compliance/src/") || (p.startsWith("packages/catalog/src/") && !p.endsWith("shipped.ts"))) && !p.endsWith(".test.ts");
    const io = /from ["'](@hopquy\/(db|core|jobs)|node:(fs|net|http|child_process)|pg|ioredis|bullmq)["']/;
    expect(files.filter((f) => pure(rel(f)) && io.test(readFileSync(f, "utf8"))).map(rel)).toEqual([]);
  });

  it("packages/dossier renders without services or I/O, except reading its own fonts (src/fonts.ts)", () => {
    const io = /from ["'](@hopquy\/(db|core|jobs|storage)|node:(fs|net|http|https|child_process)|fs|pg|ioredis|bullmq)["']/;
    const renderers = files.filter((f) => rel(f).startsWith("packages/dossier/src/") && !rel(f).endsWith(".test.ts") && rel(f) !== "packages/dossier/src/fonts.ts");
    expect(renderers.length).toBeGreaterThan(0);
    expect(renderers.filter((f) => io.test(readFileSync(f, "utf8"))).map(rel)).toEqual([]);
  });

  it("packages/mail renders without I/O; only its transport (and test server) touch the network", () => {
    const io = /from ["'](@hopquy\/(db|core|jobs|storage)|node:(fs|net|http|https|child_process)|nodemailer|smtp-server|pg|ioredis|bullmq)["']/;
    const templates = files.filter((f) => rel(f).startsWith("packages/mail/src/") && !rel(f).endsWith(".test.ts") && !rel(f).includes("/testing/") && rel(f) !== "packages/mail/src/transport.ts");
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.filter((f) => io.test(readFileSync(f, "utf8"))).map(rel)).toEqual([]);
  });

  it("only packages/mail/src/transport.ts sends mail (nodemailer)", () => {
    expect(offenders(/from ["']nodemailer["']/, (p) => p === "packages/mail/src/transport.ts")).toEqual([]);
  });

  it("packages never import the apps", () => {
    expect(offenders(/from ["']@hopquy\/(web|worker)|from ["']@\//, (p) => !p.startsWith("packages/"))).toEqual([]);
  });

  it("process.env is read in env modules, scripts and tests only", () => {
    const allowed = (p: string) =>
      /(^|\/)env\.ts$/.test(p) ||
      p.startsWith("scripts/") ||
      p.startsWith("e2e/") ||
      p.startsWith("prisma/") ||
      /\.test\.ts$/.test(p) ||
      p.includes("/testing/") ||
      ["packages/core/src/logger.ts", "apps/web/src/instrumentation.ts", "apps/web/src/stop-on-invalid-environment.ts", "apps/web/next.config.ts", "apps/worker/src/main.ts"].includes(p);
    expect(offenders(/process\.env/, allowed)).toEqual([]);
  });
});
