// Fresh tenants for browser tests: a new owner (and organization) created in the database with a
// real argon2 password, then signed in through the sign-in form like a person would.
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import pg from "pg";
import { inject } from "vitest";
import { hashPassword } from "../../packages/core/src/auth/password";

export async function signInAsNewOwner(page: Page, baseUrl: string, options: { platformAdmin?: boolean } = {}): Promise<string> {
  const suffix = randomBytes(4).toString("hex");
  const email = `owner-${suffix}@e2e.hopquy.vn`;
  const password = `pw-${randomBytes(12).toString("base64url")}`;
  const slug = `e2e-${suffix}`;
  const client = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await client.connect();
  try {
    const userId = `usr_${suffix}`;
    const organizationId = `org_${suffix}`;
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "isPlatformAdmin", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [userId, email, `Owner ${suffix}`, await hashPassword(password), options.platformAdmin ?? false],
    );
    await client.query(`INSERT INTO "Organization" (id, slug, name, kind, "updatedAt") VALUES ($1, $2, $3, 'importer', now())`, [organizationId, slug, `E2E ${suffix}`]);
    await client.query(`INSERT INTO "Membership" (id, "organizationId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'owner', now())`, [`mem_${suffix}`, organizationId, userId]);
  } finally {
    await client.end();
  }
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(new RegExp(`/${slug}$`));
  return slug;
}
