// The outbox through Redis and a real worker, delivering to a real SMTP server (smtp-server on a
// random port). Keys live under the run's BULLMQ_PREFIX and are removed at the end.
import { writeEmailMessage } from "@hopquy/core";
import { platformDb } from "@hopquy/db";
import { startSmtpTestServer, type SmtpTestServer } from "@hopquy/mail/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJobsEnv } from "./env";
import { closeQueues, enqueue, enqueueEmailDeliveries, getQueue, waitForJobResult } from "./queue";
import { startJobsRuntime, type JobsRuntime } from "./runtime";
import { registerJobSchedulers } from "./schedules";

const TIMEOUT_MS = 20_000;
let runtime: JobsRuntime | undefined;
let smtp: SmtpTestServer;

beforeAll(async () => {
  expect(readJobsEnv().BULLMQ_PREFIX).toMatch(/^hq-test-/); // never the real queues
  smtp = await startSmtpTestServer();
  // The worker reads the mail settings when a job runs (this file's own process).
  Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_SECURE: "false", MAIL_FROM: "HopQuy <no-reply@hopquy.test>" });
  runtime = await startJobsRuntime();
});

afterAll(async () => {
  await runtime?.close();
  await getQueue("mail").obliterate({ force: true });
  await closeQueues();
  await smtp.close();
  for (const name of ["SMTP_HOST", "SMTP_PORT", "SMTP_SECURE", "MAIL_FROM"]) delete process.env[name];
});

async function outboxRow(subject: string) {
  return (await writeEmailMessage(platformDb(), {
    kind: "invitation",
    dedupeKey: `invitation:test-${Math.random().toString(36).slice(2)}`,
    to: `${subject.toLowerCase().replace(/\W+/g, "-")}@example.test`,
    locale: "en",
    content: { subject, text: `Body of ${subject}`, html: `<p>Body of ${subject}</p>` },
  }))!;
}

async function waitForRow(id: string, state: string) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const row = await platformDb().emailMessage.findUniqueOrThrow({ where: { id } });
    if (row.state === state || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("email.deliver", () => {
  it("delivers an outbox row enqueued after its commit; offering it again sends nothing twice", async () => {
    const id = await outboxRow("Delivered by the worker");
    await enqueueEmailDeliveries([id]);
    expect(await waitForJobResult("mail", `email-${id}-0`, TIMEOUT_MS)).toEqual({ id, outcome: "sent" });
    expect(smtp.received.filter((m) => m.raw.includes("Body of Delivered by the worker"))).toHaveLength(1);
    expect(await platformDb().emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "sent", attempts: 1 });

    // The same attempt offered again is deduplicated by BullMQ; explicit extra jobs, even concurrent, are skipped.
    await enqueueEmailDeliveries([id]);
    const extra = await Promise.all([enqueue("email.deliver", { id }), enqueue("email.deliver", { id })]);
    for (const job of extra) expect(await waitForJobResult("mail", job.id!, TIMEOUT_MS)).toEqual({ id, outcome: "skipped" });
    expect(smtp.received.filter((m) => m.raw.includes("Body of Delivered by the worker"))).toHaveLength(1);
  });

  it("refuses a malformed id at enqueue", async () => {
    await expect(enqueue("email.deliver", { id: "" })).rejects.toThrow();
    await expect(enqueue("email.deliver", { id: "x".repeat(65) })).rejects.toThrow();
  });
});

describe("email.flush", () => {
  it("hands rows that were never enqueued to email.deliver", async () => {
    const id = await outboxRow("Caught by the flush");
    // Oldest due first: other test files' waiting rows (the database is shared) queue behind it.
    await platformDb().emailMessage.update({ where: { id }, data: { nextAttemptAt: new Date("2000-01-01T00:00:00Z") } });
    const flush = await enqueue("email.flush", {});
    const result = (await waitForJobResult("mail", flush.id!, TIMEOUT_MS)) as { configured: boolean; enqueued: number };
    expect(result.configured).toBe(true);
    expect(result.enqueued).toBeGreaterThanOrEqual(1);
    expect(await waitForRow(id, "sent")).toMatchObject({ state: "sent" });
    expect(smtp.received.filter((m) => m.raw.includes("Body of Caught by the flush"))).toHaveLength(1);
  });

  it("is scheduled every minute and the digest daily at 07:00 Vietnam time, once however often the worker starts", async () => {
    await registerJobSchedulers();
    await registerJobSchedulers();
    const schedulers = await getQueue("mail").getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.name, s.pattern, s.tz]).sort()).toEqual([
      ["email-digest-daily", "email.digest", "0 7 * * *", "Asia/Ho_Chi_Minh"],
      ["email-flush-every-minute", "email.flush", "* * * * *", "Asia/Ho_Chi_Minh"],
    ]);
  });
});

describe("email.digest", () => {
  it("runs the digest for a given day and reports what it wrote", async () => {
    const job = await enqueue("email.digest", { day: "2034-05-01" });
    expect(await waitForJobResult("mail", job.id!, TIMEOUT_MS)).toMatchObject({ day: "2034-05-01", digestsWritten: expect.any(Number), processedAt: expect.any(String) });
    await expect(enqueue("email.digest", { day: "2034-02-30" })).rejects.toThrow();
  });
});
