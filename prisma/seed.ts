// `npm run db:seed`: idempotent. Publishes the shipped regulation catalogs, mapping sets and timeline
// (unchanged files create nothing). With HOPQUY_DEMO=1 on an empty instance it creates a demo owner
// and organization with a generated password printed once; otherwise it creates no accounts,
// and the first visitor is asked to create the owner.
import { randomBytes } from "node:crypto";
import { applyRiskListPublication, assessCatalogChangeImpact, createFirstOwner, isInstanceEmpty } from "@hopquy/core";
import { loadShippedReferenceData } from "@hopquy/core/catalog/load-shipped-reference-data";
import { disconnectRawClient } from "@hopquy/db";
import { loadRootEnv } from "../scripts/load-env.mjs";

loadRootEnv();
try {
  const loaded = await loadShippedReferenceData();
  const changed = [...loaded.catalogs, ...loaded.mappingSets, ...loaded.riskLists].filter((item) => item.created).map((item) => item.label);
  console.log(changed.length ? `Reference data published: ${changed.join(", ")}` : "Reference data unchanged.");
  // New revisions on an instance that already has organizations (an upgrade): flag what they change
  // right here, in publication order, rather than through the queue, because the worker may not be
  // running during setup. On a fresh install there are no organizations and each call is one query.
  const publications = [
    ...loaded.catalogs.filter((c) => c.created).map((c) => ({ kind: "catalog" as const, id: c.id })),
    ...loaded.mappingSets.filter((s) => s.created).map((s) => ({ kind: "mapping-set" as const, id: s.id })),
  ];
  for (const publication of publications) {
    const impact = await assessCatalogChangeImpact(publication);
    if (impact.recorded) console.log(`Catalog change impact (${publication.kind} ${publication.id}): ${impact.recorded} organizations, ${impact.affectedAssessments} assessments to review.`);
  }
  for (const list of loaded.riskLists.filter((l) => l.created)) {
    const impact = await applyRiskListPublication({ riskListId: list.id });
    if (impact.reclassifiedSkus) console.log(`Risk list ${list.label}: ${impact.reclassifiedSkus} SKUs re-classified.`);
  }
  if (process.env.HOPQUY_DEMO === "1" && (await isInstanceEmpty())) {
    const password = randomBytes(18).toString("base64url");
    const email = "owner@demo.hopquy.local";
    const { organization } = await createFirstOwner({
      email,
      name: "Demo Owner",
      password,
      organizationName: "Công ty TNHH Camera Demo",
      organizationKind: "importer",
    });
    console.log(`Demo owner: ${email}  password: ${password}  (shown once) -> /${organization.slug}`);
  } else if (await isInstanceEmpty()) {
    console.log("No accounts yet: open the app and create the owner account on the setup page.");
  } else {
    console.log("Accounts exist: nothing to seed.");
  }
} finally {
  await disconnectRawClient();
}
