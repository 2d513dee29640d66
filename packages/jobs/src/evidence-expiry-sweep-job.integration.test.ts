// The daily expiry sweep through Redis and a real worker, and its schedule. Keys live under the
// run's BULLMQ_PREFIX and are removed at the end.
import { createEvidence, resolveTenantContext, reviewEvidence, submitEvidence } from "@hopquy/core";
import { tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJobsEnv } from "./env";
import { closeQueues, enqueue, enqueueEvidenceExpirySweep, getQueue, waitForJobResult } from "./queue";
import { startJobsRuntime, type JobsRuntime } from "./runtime";
import { registerJobSchedulers } from "./schedules";

const TIMEOUT_MS = 30_000;
let runtime: JobsRuntime | undefined;

beforeAll(async () => {
  expect(readJobsEnv().BULLMQ_PREFIX).toMatch(/^hq-test-/); // never the real queues
  runtime = await startJobsRuntime();
});

afterAll(async () => {
  await runtime?.close();
  await getQueue("system").obliterate({ force: true });
  await closeQueues();
});

async function organizationWithEvidence() {
  const [owner, manager, viewer] = [await createTestUser(), await createTestUser(), await createTestUser()];
  const organization = await createTestOrganization({ ownerId: owner.id, members: [{ userId: manager.id, role: "manager" }, { userId: viewer.id, role: "viewer" }] });
  const ownerCtx = await resolveTenantContext(owner, organization.slug);
  const accepted = async (title: string, expiryDate: string) => {
    const evidence = await createEvidence(ownerCtx, { kind: "statement", title, statementText: "Signed statement.", expiryDate });
    await submitEvidence(ownerCtx, { evidenceId: evidence.id });
    await reviewEvidence(ownerCtx, { evidenceId: evidence.id, decision: "accept" });
    return evidence;
  };
  return { organization, owner, manager, viewer, expiring: await accepted("Expiring in a week", "2034-02-10"), expired: await accepted("Expired yesterday", "2034-02-02") };
}

describe("evidence.expiry-sweep job", () => {
  it("runs the sweep in the worker: marks, audits, notifies and reports progress", async () => {
    const world = await organizationWithEvidence();
    const job = await enqueueEvidenceExpirySweep("2034-02-03");
    const result = (await waitForJobResult("system", job.id!, TIMEOUT_MS)) as Record<string, unknown>;
    expect(result).toMatchObject({ today: "2034-02-03", organizations: expect.any(Number), processedAt: expect.any(String) });
    expect(result.organizations).toBeGreaterThanOrEqual(1);
    expect(result.expiredMarked).toBeGreaterThanOrEqual(1);
    expect(result.remindersCreated).toBeGreaterThanOrEqual(2);
    const stored = await getQueue("system").getJob(job.id!);
    expect(stored?.progress).toBe(100);
    expect(await stored?.getState()).toBe("completed");

    const db = tenantDb(world.organization.id);
    expect((await db.evidence.findUniqueOrThrow({ where: { id: world.expired.id } })).expiredAt).toBeInstanceOf(Date);
    expect((await db.evidence.findUniqueOrThrow({ where: { id: world.expiring.id } })).expiredAt).toBeNull();
    const notifications = await db.notification.findMany({ orderBy: { dedupeKey: "asc" } });
    expect(notifications.map((n) => [n.kind, n.dedupeKey, n.userId]).sort()).toEqual(
      [
        ["evidence.expired", `evidence-expired:${world.expired.id}:2034-02-02`, world.owner.id],
        ["evidence.expired", `evidence-expired:${world.expired.id}:2034-02-02`, world.manager.id],
        ["evidence.expiring", `evidence-expiry:${world.expiring.id}:2034-02-10:7`, world.owner.id],
        ["evidence.expiring", `evidence-expiry:${world.expiring.id}:2034-02-10:7`, world.manager.id],
      ].sort(),
    );
    const audit = await db.auditEvent.findMany({ where: { action: "evidence.expired" } });
    expect(audit).toEqual([expect.objectContaining({ targetId: world.expired.id, actorId: null, actorEmail: "system" })]);

    // The same day again (a retry or a manual re-run): nothing new.
    const again = await enqueue("evidence.expiry-sweep", { today: "2034-02-03" });
    expect(await waitForJobResult("system", again.id!, TIMEOUT_MS)).toMatchObject({ expiredMarked: 0, remindersCreated: 0 });
    expect(await db.notification.count()).toBe(4);
  });

  it("refuses a malformed day at enqueue", async () => {
    await expect(enqueue("evidence.expiry-sweep", { today: "2034-02-30" })).rejects.toThrow();
    await expect(enqueue("evidence.expiry-sweep", { today: "soon" })).rejects.toThrow();
  });
});

describe("daily schedule", () => {
  it("is registered once at 01:00 Vietnam time, however often the worker starts", async () => {
    // startJobsRuntime (beforeAll) registered it once; two more starts' worth of registrations:
    await registerJobSchedulers();
    await registerJobSchedulers();
    const queue = getQueue("system");
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([
      expect.objectContaining({ key: "evidence-expiry-sweep-daily", name: "evidence.expiry-sweep", pattern: "0 1 * * *", tz: "Asia/Ho_Chi_Minh" }),
    ]);
    expect(await queue.getJobSchedulersCount()).toBe(1);
    // Exactly one upcoming run, at 01:00 in Hanoi (18:00 UTC the day before), with no fixed day and retries.
    const upcoming = (await queue.getDelayed()).filter((j) => j.name === "evidence.expiry-sweep");
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]?.data).toEqual({});
    expect(upcoming[0]?.opts.attempts).toBe(3);
    const next = new Date(schedulers[0]!.next!);
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([18, 0, 0]);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
  });
});
