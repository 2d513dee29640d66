// `npm run db:seed`: idempotent. Publishes the shipped regulation catalogs, mapping sets and timeline
// (unchanged files create nothing). With HOPQUY_DEMO=1 on an empty instance it creates a demo owner
// and organization with a generated password printed once; otherwise it creates no accounts,
// and the first visitor is asked to create the owner.
import { randomBytes } from "node:crypto";
import { createFirstOwner, isInstanceEmpty } from "@hopquy/core";
import { loadShippedReferenceData } from "@hopquy/core/catalog/load-shipped-reference-data";
import { disconnectRawClient } from "@hopquy/db";
import { loadRootEnv } from "../scripts/load-env.mjs";

loadRootEnv();
try {
  const loaded = await loadShippedReferenceData();
  const changed = [...loaded.catalogs, ...loaded.mappingSets].filter((item) => item.created).map((item) => item.label);
  console.log(changed.length ? `Reference data published: ${changed.join(", ")}` : "Reference data unchanged.");
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
