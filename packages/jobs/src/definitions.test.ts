import { describe, expect, it } from "vitest";
import { JOBS, QUEUES } from "./definitions";

describe("job definitions", () => {
  it("every job runs on a declared queue", () => {
    for (const definition of Object.values(JOBS)) {
      expect(QUEUES).toContain(definition.queue);
    }
  });

  describe("system.health payload", () => {
    const schema = JOBS["system.health"].payload;

    it("accepts an ISO timestamp and a request id", () => {
      const payload = { requestedAt: "2026-01-02T03:04:05.678Z", requestId: "req-1" };
      expect(schema.parse(payload)).toEqual(payload);
    });

    it("strips unknown keys so nothing else rides along into Redis", () => {
      const parsed = schema.parse({ requestedAt: "2026-01-02T03:04:05Z", requestId: "r", secret: "x" });
      expect(parsed).not.toHaveProperty("secret");
    });

    it.each([
      [{}],
      [{ bad: 1 }],
      [{ requestedAt: "yesterday", requestId: "r" }],
      [{ requestedAt: "2026-01-02T03:04:05Z", requestId: "" }],
      [{ requestedAt: "2026-01-02T03:04:05Z", requestId: "x".repeat(65) }],
      [{ requestedAt: 1_700_000_000_000, requestId: "r" }],
    ])("rejects %j", (payload) => {
      expect(schema.safeParse(payload).success).toBe(false);
    });
  });

  describe("evidence.expiry-sweep payload", () => {
    const schema = JOBS["evidence.expiry-sweep"].payload;

    it("accepts the empty payload of scheduled runs and a fixed day for re-runs", () => {
      expect(schema.parse({})).toEqual({});
      const payload = { today: "2026-12-31", requestedAt: "2026-12-30T18:00:00Z" };
      expect(schema.parse(payload)).toEqual(payload);
    });

    it.each([[{ today: "2026-02-30" }], [{ today: "31/12/2026" }], [{ today: "2026-12-31T00:00:00Z" }], [{ requestedAt: "now" }]])("rejects %j", (payload) => {
      expect(schema.safeParse(payload).success).toBe(false);
    });
  });

  describe("catalog.impact payload", () => {
    const schema = JOBS["catalog.impact"].payload;

    it("accepts a catalog version or a mapping set by id, on the compliance queue", () => {
      expect(JOBS["catalog.impact"].queue).toBe("compliance");
      expect(schema.parse({ kind: "catalog", id: "cv-1" })).toEqual({ kind: "catalog", id: "cv-1" });
      expect(schema.parse({ kind: "mapping-set", id: "ms-1", document: "x" })).toEqual({ kind: "mapping-set", id: "ms-1" });
    });

    it.each([[{}], [{ kind: "timeline", id: "t-1" }], [{ kind: "catalog", id: "" }], [{ kind: "catalog", id: "x".repeat(65) }]])("rejects %j", (payload) => {
      expect(schema.safeParse(payload).success).toBe(false);
    });
  });

  describe("e-mail jobs", () => {
    it("run on the mail queue with ids only", () => {
      for (const name of ["email.deliver", "email.flush", "email.digest"] as const) expect(JOBS[name].queue).toBe("mail");
      expect(JOBS["email.deliver"].payload.parse({ id: "em_1", subject: "x" })).toEqual({ id: "em_1" });
      expect(JOBS["email.flush"].payload.parse({})).toEqual({});
      expect(JOBS["email.digest"].payload.parse({ day: "2034-02-03" })).toEqual({ day: "2034-02-03" });
    });

    it.each([[{}], [{ id: "" }], [{ id: "x".repeat(65) }]])("email.deliver rejects %j", (payload) => {
      expect(JOBS["email.deliver"].payload.safeParse(payload).success).toBe(false);
    });

    it("email.digest rejects a malformed day", () => {
      expect(JOBS["email.digest"].payload.safeParse({ day: "2034-02-30" }).success).toBe(false);
    });
  });
});
