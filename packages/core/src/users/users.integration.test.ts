import { platformDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { describe, expect, it } from "vitest";
import { loadSessionUser } from "./load-session-user";
import { setPlatformAdmin } from "./set-platform-admin";
import { setUserLocale } from "./set-user-locale";
import { signOutEverywhere } from "./sign-out-everywhere";

describe("loadSessionUser", () => {
  it("returns the user for a current session, without the password hash", async () => {
    const user = await createTestUser();
    const loaded = await loadSessionUser(user.id, 0);
    expect(loaded).toEqual({ id: user.id, email: user.email, name: user.name, locale: "vi", isPlatformAdmin: false, disabledAt: null, sessionVersion: 0 });
    expect(loaded).not.toHaveProperty("passwordHash");
  });

  it("ends the session of a disabled user, of an unknown user, and of a stale session version", async () => {
    const user = await createTestUser();
    expect(await loadSessionUser(user.id, 1)).toBeNull();
    expect(await loadSessionUser("no-such-user", 0)).toBeNull();
    await platformDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadSessionUser(user.id, 0)).toBeNull();
  });
});

describe("signOutEverywhere", () => {
  it("invalidates every session issued before", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await signOutEverywhere(user.id);
    expect(await loadSessionUser(user.id, 0)).toBeNull();
    expect((await loadSessionUser(user.id, 1))?.sessionVersion).toBe(1);
    expect(await loadSessionUser(other.id, 0)).not.toBeNull(); // nobody else is affected
  });
});

describe("setUserLocale", () => {
  it("stores the locale", async () => {
    const user = await createTestUser();
    await setUserLocale(user.id, "en");
    expect((await loadSessionUser(user.id, 0))?.locale).toBe("en");
  });

  it("rejects an unsupported locale", async () => {
    const user = await createTestUser();
    await expect(setUserLocale(user.id, "fr" as never)).rejects.toThrow();
    expect((await loadSessionUser(user.id, 0))?.locale).toBe("vi");
  });
});

describe("setPlatformAdmin", () => {
  it("grants and revokes, and ends the user's sessions", async () => {
    const user = await createTestUser();
    expect(await setPlatformAdmin(user.email.toUpperCase(), true)).toEqual({ email: user.email, isPlatformAdmin: true });
    expect(await loadSessionUser(user.id, 0)).toBeNull();
    expect((await loadSessionUser(user.id, 1))?.isPlatformAdmin).toBe(true);
    expect((await setPlatformAdmin(user.email, false)).isPlatformAdmin).toBe(false);
    await expect(setPlatformAdmin("nobody@example.test", true)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
