import type { Catalog, CatalogRef } from "@hopquy/catalog";
import { platformDb } from "@hopquy/db";

// A mapping set names a catalog by regulation + version label; the newest revision of that label counts.
export async function resolveCatalogVersion(ref: CatalogRef) {
  const version = await platformDb().catalogVersion.findFirst({
    where: { regulation: ref.regulation, version: ref.version },
    orderBy: { revision: "desc" },
  });
  return version ? { id: version.id, document: version.document as unknown as Catalog } : undefined;
}
