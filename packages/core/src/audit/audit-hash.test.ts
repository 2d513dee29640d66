import { describe, expect, it } from "vitest";
import { canonicalJson, computeAuditHash, GENESIS_HASH, type AuditHashInput } from "./audit-hash";

describe("canonicalJson", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe(canonicalJson({ c: 3, a: 2, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("sorts keys at every nesting level and keeps array order", () => {
    const one = { outer: { z: [3, { y: 1, x: 2 }], a: { d: null, c: "s" } } };
    const two = { outer: { a: { c: "s", d: null }, z: [3, { x: 2, y: 1 }] } };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(canonicalJson(one)).toBe('{"outer":{"a":{"c":"s","d":null},"z":[3,{"x":2,"y":1}]}}');
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it("distinguishes values, types and nesting", () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
    expect(canonicalJson({ a: { b: 1 } })).not.toBe(canonicalJson({ a: { b: 2 } }));
    expect(canonicalJson({ a: [1] })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: true })).not.toBe(canonicalJson({ a: false }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it("renders dates as ISO strings, the form jsonb stores them in", () => {
    const when = new Date("2026-01-02T03:04:05.678Z");
    expect(canonicalJson(when)).toBe('"2026-01-02T03:04:05.678Z"');
    expect(canonicalJson({ at: when })).toBe(canonicalJson({ at: "2026-01-02T03:04:05.678Z" }));
    expect(canonicalJson({ at: when })).not.toBe(canonicalJson({ at: new Date(when.getTime() + 1) }));
  });

  it("treats null and undefined as null, and drops undefined properties like JSON does", () => {
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson([undefined])).toBe("[null]");
  });

  it("escapes strings and keys like JSON", () => {
    const value = { 'k"ey': 'va"lue\n', "Đức": "Công ty" };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});

describe("computeAuditHash", () => {
  const base: AuditHashInput = {
    organizationId: "org_1",
    seq: 1,
    actorId: "user_1",
    actorEmail: "a@example.test",
    action: "member.role_changed",
    targetType: "membership",
    targetId: "m_1",
    before: { role: "viewer" },
    after: { role: "manager" },
    createdAt: new Date("2026-01-02T03:04:05.678Z"),
    prevHash: GENESIS_HASH,
  };

  it("is a sha256 hex digest and deterministic", () => {
    const hash = computeAuditHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(computeAuditHash({ ...base })).toBe(hash);
  });

  it("does not depend on the key order of before/after", () => {
    const a = computeAuditHash({ ...base, after: { role: "manager", userId: "u" } });
    const b = computeAuditHash({ ...base, after: { userId: "u", role: "manager" } });
    expect(a).toBe(b);
  });

  const changes: [keyof AuditHashInput, unknown][] = [
    ["organizationId", "org_2"],
    ["seq", 2],
    ["actorId", null],
    ["actorId", "user_2"],
    ["actorEmail", null],
    ["actorEmail", "b@example.test"],
    ["action", "member.removed"],
    ["targetType", "invitation"],
    ["targetId", null],
    ["targetId", "m_2"],
    ["before", null],
    ["before", { role: "owner" }],
    ["after", null],
    ["after", { role: "manager", extra: true }],
    ["createdAt", new Date("2026-01-02T03:04:05.679Z")],
    ["prevHash", "f".repeat(64)],
  ];

  it.each(changes)("changes when %s changes (to %j)", (field, value) => {
    expect(computeAuditHash({ ...base, [field]: value })).not.toBe(computeAuditHash(base));
  });

  it("covers every field of the input", () => {
    expect(new Set(changes.map(([field]) => field))).toEqual(new Set(Object.keys(base)));
  });
});
