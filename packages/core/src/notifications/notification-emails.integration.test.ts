// Notifications reaching people by e-mail: preferences at creation, the outbox rows, the daily digest.
import { platformDb, tenantDb } from "@hopquy/db";
import { createTestOrganization } from "@hopquy/db/testing";
import { describe, expect, it } from "vitest";
import { emailDedupeKey } from "../email/write-email-messages";
import { inviteMember } from "../invitations/invite-member";
import { revokeInvitation } from "../invitations/revoke-invitation";
import { createTeam } from "../testing/fixtures";
import { updateNotificationPreferences } from "../users/update-notification-preferences";
import { MAX_SEPARATE_MAILS, recordNotifications, type NotificationRow } from "./record-notifications";
import { sendNotificationDigests } from "./send-notification-digests";

const expiring = (organizationId: string, userId: string, n = 1): NotificationRow => ({
  organizationId,
  userId,
  kind: "evidence.expiring",
  dedupeKey: `test-expiring:${n}`,
  payload: { evidenceId: `evd_${n}`, title: `Lab report ${n}`, expiryDate: "2034-02-10", daysLeft: 7, threshold: 7 },
});
const catalogChanged = (organizationId: string, userId: string, n = 1): NotificationRow => ({
  organizationId,
  userId,
  kind: "catalog.changed",
  dedupeKey: `test-catalog:${n}`,
  payload: { publicationKind: "catalog", publicationId: `cv_${n}`, label: `QCVN 11 test ${n}`, revision: 2, affectedAssessments: 3, affectedSkus: 1 },
});

const record = (organizationId: string, rows: NotificationRow[]) => tenantDb(organizationId).$transaction((tx) => recordNotifications(tx, rows));

describe("recordNotifications", () => {
  it("follows each recipient's preference for the kind: off, in-app, e-mail now, digest", async () => {
    const team = await createTeam();
    const org = team.organization.id;
    const { owner, manager, contributor, viewer } = team.users;
    await platformDb().user.update({ where: { id: owner.id }, data: { locale: "en" } });
    await updateNotificationPreferences(manager.id, { preferences: { "evidence.expiring": "off" } });
    await updateNotificationPreferences(contributor.id, { preferences: { "evidence.expiring": "in_app" } });
    await updateNotificationPreferences(viewer.id, { preferences: { "evidence.expiring": "email_digest" } });

    const result = await record(org, [owner, manager, contributor, viewer].map((u) => expiring(org, u.id)));
    expect(result.created.map((n) => n.userId).sort()).toEqual([owner.id, contributor.id, viewer.id].sort());
    expect(result.emailMessageIds).toHaveLength(1);

    const rows = await tenantDb(org).notification.findMany();
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    expect(byUser.has(manager.id)).toBe(false);
    expect(byUser.get(owner.id)!.emailedAt).toBeInstanceOf(Date);
    expect(byUser.get(contributor.id)!.emailedAt).toBeNull();
    expect(byUser.get(viewer.id)!.emailedAt).toBeNull();

    const mail = await platformDb().emailMessage.findUniqueOrThrow({ where: { id: result.emailMessageIds[0] } });
    expect(mail).toMatchObject({
      organizationId: org,
      userId: owner.id,
      kind: "notification",
      dedupeKey: emailDedupeKey.notification(byUser.get(owner.id)!.id),
      toAddress: owner.email,
      locale: "en",
      state: "pending",
      sensitive: false,
      subject: `[${team.organization.name}] Evidence expiring: Lab report 1`,
    });
    expect(mail.textBody).toContain(`/${team.organization.slug}/evidence/evd_1`);

    // The same notifications again (a re-run): nothing new, no second e-mail.
    expect(await record(org, [owner, manager, contributor, viewer].map((u) => expiring(org, u.id)))).toEqual({ created: [], emailMessageIds: [] });
    expect(await platformDb().emailMessage.count({ where: { userId: owner.id } })).toBe(1);
  });

  it("sends many immediate notifications for one recipient as one mail listing them", async () => {
    const team = await createTeam();
    const org = team.organization.id;
    const { owner } = team.users;
    await platformDb().user.update({ where: { id: owner.id }, data: { locale: "en" } });
    const few = await record(org, Array.from({ length: MAX_SEPARATE_MAILS }, (_, i) => expiring(org, owner.id, 100 + i)));
    expect(few.emailMessageIds).toHaveLength(MAX_SEPARATE_MAILS);

    const many = await record(org, Array.from({ length: 60 }, (_, i) => expiring(org, owner.id, 200 + i)));
    expect(many.created).toHaveLength(60);
    expect(many.emailMessageIds).toHaveLength(1);
    const mail = await platformDb().emailMessage.findUniqueOrThrow({ where: { id: many.emailMessageIds[0] } });
    expect(mail.dedupeKey).toBe(emailDedupeKey.notification(many.created[0]!.id));
    expect(mail.subject).toContain("60 new notifications");
    expect(mail.textBody).toContain("Lab report 200");
    expect(mail.textBody).toContain("and 10 more");
    expect(mail.textBody).not.toContain("Lab report 259");
    // Every one of them counts as e-mailed (the digest will not send them again).
    expect(await tenantDb(org).notification.count({ where: { userId: owner.id, emailedAt: null } })).toBe(0);
  });
});

describe("sendNotificationDigests", () => {
  it("writes one digest per user and day across organizations, once, and marks what it covered", async () => {
    const team = await createTeam();
    const { owner } = team.users;
    const second = await createTestOrganization({ ownerId: owner.id });
    const first = team.organization;
    await record(first.id, [catalogChanged(first.id, owner.id, 1), expiring(first.id, owner.id, 1)]);
    await record(second.id, [catalogChanged(second.id, owner.id, 2)]);
    // Read in the app already: not news.
    const read = await record(second.id, [catalogChanged(second.id, owner.id, 3)]);
    await tenantDb(second.id).notification.update({ where: { id: read.created[0]!.id }, data: { readAt: new Date() } });

    const now = new Date(Date.now() + 1000);
    const day = "2034-02-03";
    const run = await sendNotificationDigests({ day, now });
    const key = emailDedupeKey.digest(owner.id, day);
    const digest = await platformDb().emailMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(run.emailMessageIds).toContain(digest.id);
    expect(digest).toMatchObject({ kind: "digest", userId: owner.id, toAddress: owner.email, locale: "vi", subject: "HopQuy: 2 thông báo mới (03/02/2034)" });
    expect(digest.textBody).toContain(`${first.name} (1):`);
    expect(digest.textBody).toContain(`${second.name} (1):`);
    expect(digest.textBody).toContain("QCVN 11 test 1 (bản 2)");
    expect(digest.textBody).toContain("QCVN 11 test 2 (bản 2)");
    expect(digest.textBody).not.toContain("QCVN 11 test 3");
    // The expiry reminder went out on its own already.
    expect(digest.textBody).not.toContain("Lab report 1");
    const pending = async () => [
      ...(await tenantDb(first.id).notification.findMany({ where: { userId: owner.id, emailedAt: null, readAt: null } })),
      ...(await tenantDb(second.id).notification.findMany({ where: { userId: owner.id, emailedAt: null, readAt: null } })),
    ];
    expect(await pending()).toEqual([]);

    // Again the same day: nothing new. A notification arriving later waits for the next day's digest.
    const again = await sendNotificationDigests({ day, now });
    expect(again.emailMessageIds).not.toContain(digest.id);
    await record(first.id, [catalogChanged(first.id, owner.id, 4)]);
    const sameDay = await sendNotificationDigests({ day, now: new Date(Date.now() + 1000) });
    expect(await platformDb().emailMessage.count({ where: { dedupeKey: key } })).toBe(1);
    expect(sameDay.emailMessageIds).toHaveLength(again.emailMessageIds.length);
    expect((await pending()).map((n) => (n.payload as { label: string }).label)).toEqual(["QCVN 11 test 4"]);

    const nextDay = await sendNotificationDigests({ day: "2034-02-04", now: new Date(Date.now() + 2000) });
    const tomorrow = await platformDb().emailMessage.findUniqueOrThrow({ where: { dedupeKey: emailDedupeKey.digest(owner.id, "2034-02-04") } });
    expect(nextDay.emailMessageIds).toContain(tomorrow.id);
    expect(tomorrow.textBody).toContain("QCVN 11 test 4");
    expect(await pending()).toEqual([]);
  });

  it("leaves out users who chose in-app only or e-mail now", async () => {
    const team = await createTeam();
    const org = team.organization.id;
    await updateNotificationPreferences(team.users.manager.id, { preferences: { "catalog.changed": "in_app" } });
    await record(org, [catalogChanged(org, team.users.manager.id, 9)]);
    await sendNotificationDigests({ day: "2034-03-01", now: new Date(Date.now() + 1000) });
    expect(await platformDb().emailMessage.count({ where: { userId: team.users.manager.id } })).toBe(0);
  });
});

describe("invitation e-mail", () => {
  it("is written to the outbox in the invitation's transaction, with the accept link, as sensitive", async () => {
    const team = await createTeam();
    const { invitation, token, emailMessageId } = await inviteMember(team.ctx.owner, { email: "newcomer@example.test", role: "contributor" });
    const mail = await platformDb().emailMessage.findUniqueOrThrow({ where: { id: emailMessageId! } });
    expect(mail).toMatchObject({
      kind: "invitation",
      dedupeKey: emailDedupeKey.invitation(invitation.id),
      organizationId: team.organization.id,
      toAddress: "newcomer@example.test",
      sensitive: true,
      locale: "vi",
      subject: `Lời mời tham gia ${team.organization.name} trên HopQuy`,
    });
    expect(mail.textBody).toContain(`http://localhost:3000/invite/${token}`);
    expect(mail.textBody).toContain(team.users.owner.name);
    expect(mail.textBody).toContain("Cộng tác viên");
  });

  it("a replaced or revoked invitation's e-mail that is still waiting is cancelled, bodies blanked", async () => {
    const team = await createTeam();
    const first = await inviteMember(team.ctx.owner, { email: "twice@example.test", role: "viewer" });
    const second = await inviteMember(team.ctx.owner, { email: "twice@example.test", role: "manager" });
    expect(await platformDb().emailMessage.findUniqueOrThrow({ where: { id: first.emailMessageId! } })).toMatchObject({
      state: "failed", lastError: "cancelled: invitation replaced", textBody: "", htmlBody: "",
    });
    expect((await platformDb().emailMessage.findUniqueOrThrow({ where: { id: second.emailMessageId! } })).state).toBe("pending");
    await revokeInvitation(team.ctx.owner, { invitationId: second.invitation.id });
    expect(await platformDb().emailMessage.findUniqueOrThrow({ where: { id: second.emailMessageId! } })).toMatchObject({ state: "failed", lastError: "cancelled: invitation revoked" });
  });
});
