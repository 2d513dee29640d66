// URL-safe slug from a (often Vietnamese) organization name: "Công ty Đức Anh" -> "cong-ty-duc-anh".
export function slugify(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/g, "");
  return slug.length >= 2 ? slug : `org-${slug}`.replace(/-+$/g, "");
}

// Slugs that would collide with top-level routes.
export const RESERVED_SLUGS = new Set(["api", "setup", "sign-in", "sign-out", "invite", "orgs", "portfolio", "admin", "settings", "_next"]);
