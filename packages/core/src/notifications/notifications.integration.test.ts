import { tenantDb } from "@hopquy/db";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTeam } from "../testing/fixtures";
import { countUnreadNotifications, listNotifications } from "./list-notifications";
import { markNotificationsRead } from "./mark-notifications-read";

async function notify(organizationId: string, userId: string, n: number, createdAt: Date, kind = "evidence.expiring") {
  const row = await tenantDb(organizationId).notification.create({
    data: {
      organizationId,
      userId,
      kind,
      dedupeKey: `test:${n}`,
      createdAt,
      payload: { evidenceId: `evd-${n}`, title: `Evidence ${n}`, expiryDate: "2031-01-31", daysLeft: 7, threshold: 7 },
    },
  });
  return row.id;
}

describe("notifications", () => {
  it("lists the caller's own notifications newest first, page by page without gaps or repeats", async () => {
    const team = await createTeam();
    const org = team.organization.id;
    const base = Date.parse("2031-01-01T00:00:00Z");
    // Pairs share a timestamp: the id breaks the tie, so keyset pages never skip or repeat a row.
    const mine: string[] = [];
    for (let n = 0; n < 7; n += 1) mine.push(await notify(org, team.users.manager.id, n, new Date(base + Math.floor(n / 2) * 60_000)));
    await notify(org, team.users.owner.id, 100, new Date(base + 10 * 60_000));

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listNotifications(team.ctx.manager, { limit: 3, cursor });
      seen.push(...page.notifications.map((n) => n.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual([...mine].sort());

    const all = (await listNotifications(team.ctx.manager, { limit: 100 })).notifications;
    const times = all.map((n) => n.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({ kind: "evidence.expiring", readAt: null, evidence: { evidenceId: expect.stringMatching(/^evd-[56]$/), daysLeft: 7, threshold: 7 } });
    // Someone else's id is no cursor for me.
    const owners = await listNotifications(team.ctx.owner, {});
    expect(owners.notifications).toHaveLength(1);
    expect(await listNotifications(team.ctx.owner, { cursor: mine[3] })).toEqual({ notifications: [], nextCursor: undefined });
  });

  it("counts and marks only the caller's own unread notifications; every role may", async () => {
    const team = await createTeam();
    const org = team.organization.id;
    const now = new Date();
    const a = await notify(org, team.users.viewer.id, 1, now);
    for (const n of [2, 3]) await notify(org, team.users.viewer.id, n, now);
    const others = await notify(org, team.users.contributor.id, 4, now);
    expect(await countUnreadNotifications(team.ctx.viewer)).toBe(3);

    expect(await markNotificationsRead(team.ctx.viewer, { ids: [a, others] })).toEqual({ marked: 1 });
    expect(await countUnreadNotifications(team.ctx.viewer)).toBe(2);
    // Marking again changes nothing (the first read time is kept).
    const readAt = (await tenantDb(org).notification.findUniqueOrThrow({ where: { id: a } })).readAt;
    expect(await markNotificationsRead(team.ctx.viewer, { ids: [a] })).toEqual({ marked: 0 });
    expect((await tenantDb(org).notification.findUniqueOrThrow({ where: { id: a } })).readAt).toEqual(readAt);

    expect(await markNotificationsRead(team.ctx.viewer, { all: true })).toEqual({ marked: 2 });
    expect(await countUnreadNotifications(team.ctx.viewer)).toBe(0);
    expect((await listNotifications(team.ctx.viewer)).notifications.every((n) => n.readAt instanceof Date)).toBe(true);
    expect(await countUnreadNotifications(team.ctx.contributor)).toBe(1);
    expect((await tenantDb(org).notification.findUniqueOrThrow({ where: { id: others } })).readAt).toBeNull();
  });

  it("needs either ids or all", async () => {
    const team = await createTeam();
    for (const input of [{}, { ids: [] }, { all: false }, { all: true, ids: ["x"] }]) {
      await expect(markNotificationsRead(team.ctx.owner, input)).rejects.toBeInstanceOf(ZodError);
    }
  });

  it("skips rows of a kind this version does not know rather than showing them raw", async () => {
    const team = await createTeam();
    await notify(team.organization.id, team.users.owner.id, 1, new Date(), "something.new");
    const known = await notify(team.organization.id, team.users.owner.id, 2, new Date(), "evidence.expired");
    expect((await listNotifications(team.ctx.owner)).notifications.map((n) => n.id)).toEqual([known]);
  });
});
