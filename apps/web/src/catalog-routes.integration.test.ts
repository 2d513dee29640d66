// The catalog HTTP endpoints as a client sees them: exports are attachments that parse back to the
// stored version; the admin import answers with line-numbered errors and writes nothing on failure.
import { parseCatalog, parseMappingSet } from "@hopquy/catalog";
import { countReferenceRows, listCatalogVersions } from "@hopquy/core";
import { loadShippedReferenceData } from "@hopquy/core/catalog/load-shipped-reference-data";
import { createTestUser } from "@hopquy/db/testing";
import { closeQueues, getQueue } from "@hopquy/jobs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/auth/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/auth/session", () => ({ getSession: async () => session.current }));

let member: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  await loadShippedReferenceData();
  const asUser = (row: { id: string; email: string; name: string }, isPlatformAdmin: boolean): SessionUser => ({
    id: row.id, email: row.email, name: row.name, locale: "vi", isPlatformAdmin, disabledAt: null, sessionVersion: 0,
  });
  member = asUser(await createTestUser(), false);
  admin = asUser(await createTestUser(), true);
});

async function exportVersion(versionId: string, format: string) {
  const { GET } = await import("@/app/api/catalog-versions/[versionId]/export/route");
  return GET(new Request(`http://test/api/catalog-versions/${versionId}/export?format=${format}`), { params: Promise.resolve({ versionId }) });
}

async function upload(name: string, text: string) {
  const { POST } = await import("@/app/api/admin/reference-imports/route");
  const form = new FormData();
  form.set("file", new File([text], name));
  return POST(new Request("http://test/api/admin/reference-imports", { method: "POST", body: form }), { params: Promise.resolve({}) });
}

afterAll(async () => {
  await getQueue("compliance").obliterate({ force: true });
  await closeQueues();
});

describe("catalog export routes", () => {
  it("send YAML and CSV attachments that parse back to the stored catalog", async () => {
    session.current = member;
    const { versions } = await listCatalogVersions();
    const qcvn11 = versions.find((v) => v.regulation === "QCVN_11_2026_BCA")!;
    for (const format of ["yaml", "csv"] as const) {
      const response = await exportVersion(qcvn11.id, format);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="QCVN_11_2026_BCA_.*\.(yaml|csv)"; filename\*=UTF-8''QCVN_11_2026_BCA_.*\.(yaml|csv)$/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const parsed = parseCatalog(await response.text(), format);
      expect(parsed.ok && parsed.value.clauses.length).toBe(41);
    }
  });

  it("export mapping sets", async () => {
    session.current = member;
    const { mappingSets } = await listCatalogVersions();
    const set = mappingSets.find((s) => s.key === "qcvn-135-2024--qcvn-11-2026-provisional-1")!;
    const { GET } = await import("@/app/api/mapping-sets/[mappingSetId]/export/route");
    const response = await GET(new Request(`http://test/x?format=csv`), { params: Promise.resolve({ mappingSetId: set.id }) });
    expect(response.status).toBe(200);
    const parsed = parseMappingSet(await response.text(), "csv");
    expect(parsed.ok && parsed.value.mappings.length).toBe(set._count.mappings);
  });

  it("answer 401 without a session, 404 for an unknown id, 400 for an unknown format", async () => {
    session.current = null;
    expect((await exportVersion("anything", "yaml")).status).toBe(401);
    session.current = member;
    expect((await exportVersion("does-not-exist", "yaml")).status).toBe(404);
    const { versions } = await listCatalogVersions();
    expect((await exportVersion(versions[0]!.id, "exe")).status).toBe(400);
  });
});

describe("admin import route", () => {
  it("rejects a broken file with every error and its line, writing nothing", async () => {
    session.current = admin;
    const before = await countReferenceRows();
    const text = ["kind: mapping-set", "id: test-broken-set", "version: '1'", "provisional: true", "sources: []", "notes: []", "title: { en: x }", "sourceCatalog: { regulation: NOPE, version: '1' }", "targetCatalog: { regulation: QCVN_11_2026_BCA, version: 2026-provisional-1 }", "mappings: []", ""].join("\n");
    const response = await upload("broken.yaml", text);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { ok: boolean; errors: { line: number; path: string }[] };
    expect(body.ok).toBe(false);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 5, path: "sources" }), expect.objectContaining({ line: 10, path: "mappings" })]));
    expect(await countReferenceRows()).toEqual(before);
  });

  it("publishes a valid file once (201), then reports it unchanged (200)", async () => {
    session.current = admin;
    const { versions } = await listCatalogVersions();
    const qcvn135 = versions.find((v) => v.regulation === "QCVN_135_2024_BTTTT")!;
    const yaml = (await (await exportVersion(qcvn135.id, "yaml")).text()).replace("regulation: QCVN_135_2024_BTTTT", "regulation: TEST_ROUTE_IMPORT");
    const first = await upload("qcvn135-copy.yaml", yaml);
    expect(first.status).toBe(201);
    const published = (await first.json()) as { id: string };
    expect(published).toMatchObject({ ok: true, kind: "catalog", revision: 1, created: true });
    const again = await upload("qcvn135-copy.yaml", yaml);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, created: false });
    // The new revision's impact is queued once (no worker runs here); the unchanged upload queues nothing.
    const queued = (await getQueue("compliance").getJobs(["waiting", "delayed", "active", "completed"])).filter((j) => j.name === "catalog.impact" && j.data.id === published.id);
    expect(queued.map((j) => j.data)).toEqual([{ kind: "catalog", id: published.id }]);
  });

  it("refuses non-UTF-8 and oversized uploads", async () => {
    session.current = admin;
    const { POST } = await import("@/app/api/admin/reference-imports/route");
    const latin1 = new FormData();
    latin1.set("file", new File([new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0xe9, 0xff])], "x.yaml"));
    expect((await POST(new Request("http://test/x", { method: "POST", body: latin1 }), { params: Promise.resolve({}) })).status).toBe(400);
    const huge = new FormData();
    huge.set("file", new File([new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61)], "huge.yaml"));
    expect((await POST(new Request("http://test/x", { method: "POST", body: huge }), { params: Promise.resolve({}) })).status).toBe(413);
  });
});
