// Outbox delivery against a real SMTP server (smtp-server on a random port) and the real database.
import { platformDb } from "@hopquy/db";
import { startSmtpTestServer, type SmtpTestServer } from "@hopquy/mail/testing";
import { afterEach, describe, expect, it } from "vitest";
import { uniqueEmail } from "../testing/fixtures";
import { deliverEmailMessage } from "./deliver-email-message";
import { EMAIL_DELIVERY_POLICY } from "./email-delivery-policy";
import { findDueEmailMessages } from "./find-due-email-messages";
import { emailDedupeKey, writeEmailMessage } from "./write-email-messages";

let server: SmtpTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function outboxRow(options: { sensitive?: boolean; to?: string } = {}) {
  const to = options.to ?? uniqueEmail("recipient");
  const key = emailDedupeKey.passwordReset(`test-${Math.random().toString(36).slice(2)}`);
  const id = await writeEmailMessage(platformDb(), {
    kind: "password-reset",
    dedupeKey: key,
    to,
    locale: "en",
    content: { subject: "Reset your password", text: "Open http://localhost:3000/reset-password?token=secret-token-123", html: "<p>secret-token-123</p>" },
    sensitive: options.sensitive,
  });
  return { id: id!, to, key };
}

const row = (id: string) => platformDb().emailMessage.findUniqueOrThrow({ where: { id } });

describe("the outbox", () => {
  it("writes a message once per dedupe key", async () => {
    const first = await outboxRow();
    const again = await writeEmailMessage(platformDb(), {
      kind: "password-reset", dedupeKey: first.key, to: "other@example.test", locale: "vi", content: { subject: "x", text: "x", html: "x" },
    });
    expect(again).toBeNull();
    expect(await platformDb().emailMessage.count({ where: { dedupeKey: first.key } })).toBe(1);
    expect(await row(first.id)).toMatchObject({ state: "pending", attempts: 0, toAddress: first.to });
  });
});

describe("deliverEmailMessage", () => {
  it("delivers a row: recipient, subject and body arrive, the row is marked sent with the message id", async () => {
    server = await startSmtpTestServer();
    const { id, to } = await outboxRow();
    expect(await deliverEmailMessage(id, { env: server.env() })).toBe("sent");
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail!.to).toEqual([to]);
    expect(mail!.from).toBe("no-reply@hopquy.test");
    expect(mail!.raw).toContain("Subject: Reset your password");
    expect(mail!.raw).toContain("secret-token-123");
    expect(mail!.raw).toContain(`Message-ID: <${id}@hopquy.test>`);
    const sent = await row(id);
    expect(sent).toMatchObject({ state: "sent", attempts: 1, leaseUntil: null, lastError: null, messageId: `<${id}@hopquy.test>` });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // Not sensitive: the bodies stay for the record.
    expect(sent.textBody).toContain("secret-token-123");
  });

  it("blanks the bodies of a sensitive message once it is sent", async () => {
    server = await startSmtpTestServer();
    const { id } = await outboxRow({ sensitive: true });
    expect(await deliverEmailMessage(id, { env: server.env() })).toBe("sent");
    expect(server.received[0]!.raw).toContain("secret-token-123");
    expect(await row(id)).toMatchObject({ state: "sent", textBody: "", htmlBody: "", subject: "Reset your password" });
  });

  it("retries with backoff after the SMTP server refused once, then delivers", async () => {
    server = await startSmtpTestServer({ refuse: (attempt) => (attempt === 1 ? { code: 451, message: "Try again later" } : false) });
    const { id } = await outboxRow();
    const t0 = new Date();
    expect(await deliverEmailMessage(id, { env: server.env(), now: () => t0 })).toBe("retry");
    const waiting = await row(id);
    expect(waiting).toMatchObject({ state: "pending", attempts: 1, leaseUntil: null });
    expect(waiting.lastError).toContain("Try again later");
    expect(waiting.nextAttemptAt.getTime()).toBe(t0.getTime() + EMAIL_DELIVERY_POLICY.baseBackoffMs);
    expect(server.received).toHaveLength(0);

    // Not due yet: nothing happens, and the flush does not list it.
    expect(await deliverEmailMessage(id, { env: server.env(), now: () => t0 })).toBe("skipped");
    expect((await findDueEmailMessages(t0, 100_000)).map((m) => m.id)).not.toContain(id);
    const later = new Date(t0.getTime() + EMAIL_DELIVERY_POLICY.baseBackoffMs);
    expect((await findDueEmailMessages(later, 100_000)).map((m) => m.id)).toContain(id);
    expect(await deliverEmailMessage(id, { env: server.env(), now: () => later })).toBe("sent");
    expect(server.received).toHaveLength(1);
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 2, lastError: null });
  });

  it("gives up after the last attempt, and at once when the server refuses the recipient for good", async () => {
    server = await startSmtpTestServer({ refuse: () => ({ code: 450, message: "Mailbox busy" }) });
    const { id } = await outboxRow({ sensitive: true });
    await platformDb().emailMessage.update({ where: { id }, data: { attempts: EMAIL_DELIVERY_POLICY.maxAttempts - 1 } });
    expect(await deliverEmailMessage(id, { env: server.env() })).toBe("failed");
    expect(await row(id)).toMatchObject({ state: "failed", attempts: EMAIL_DELIVERY_POLICY.maxAttempts, textBody: "", htmlBody: "" });
    expect(await deliverEmailMessage(id, { env: server.env() })).toBe("skipped");
    await server.close();

    server = await startSmtpTestServer({ refuse: () => ({ code: 550, message: "No such user" }) });
    const permanent = await outboxRow();
    expect(await deliverEmailMessage(permanent.id, { env: server.env() })).toBe("failed");
    expect(await row(permanent.id)).toMatchObject({ state: "failed", attempts: 1 });
  });

  it("sends once however often it runs for the same id, one after the other or concurrently", async () => {
    server = await startSmtpTestServer();
    const sequential = await outboxRow();
    expect(await deliverEmailMessage(sequential.id, { env: server.env() })).toBe("sent");
    expect(await deliverEmailMessage(sequential.id, { env: server.env() })).toBe("skipped");

    const concurrent = await outboxRow();
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => deliverEmailMessage(concurrent.id, { env: server!.env() })));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "skipped")).toHaveLength(3);
    expect(server.received.map((m) => m.to[0])).toEqual([sequential.to, concurrent.to]);
    expect(await row(concurrent.id)).toMatchObject({ state: "sent", attempts: 1 });
  });

  it("an expired lease (a worker died mid-delivery) is claimable again: one resend, then never again", async () => {
    server = await startSmtpTestServer();
    const { id } = await outboxRow();
    const t0 = new Date();
    // A delivery that claimed the row and crashed before marking it.
    await platformDb().emailMessage.update({ where: { id }, data: { state: "sending", attempts: 1, leaseUntil: new Date(t0.getTime() + EMAIL_DELIVERY_POLICY.leaseMs) } });
    expect(await deliverEmailMessage(id, { env: server.env(), now: () => t0 })).toBe("skipped");
    const expired = new Date(t0.getTime() + EMAIL_DELIVERY_POLICY.leaseMs + 1);
    expect((await findDueEmailMessages(expired, 100_000)).find((m) => m.id === id)).toEqual({ id, attempts: 1 });
    expect(await deliverEmailMessage(id, { env: server.env(), now: () => expired })).toBe("sent");
    expect(await deliverEmailMessage(id, { env: server.env(), now: () => expired })).toBe("skipped");
    expect(server.received).toHaveLength(1);
    expect(await row(id)).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("without SMTP settings nothing is sent and the row waits, pending", async () => {
    const { id } = await outboxRow();
    expect(await deliverEmailMessage(id, { env: { appUrl: "http://localhost:3000", smtp: null } })).toBe("not_configured");
    expect(await row(id)).toMatchObject({ state: "pending", attempts: 0 });
  });
});
