// `npm run create-owner -- --email a@b.vn --name "Nguyễn Văn A" --org "Công ty A" [--kind importer]`
// Creates the first owner of an empty instance from the command line. The password is generated
// and printed once (or read from HOPQUY_OWNER_PASSWORD); there are no default credentials.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createFirstOwner, isAppError } from "@hopquy/core";
import { disconnectRawClient } from "@hopquy/db";
import { loadRootEnv } from "./load-env.mjs";

loadRootEnv();
const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, org: { type: "string" }, kind: { type: "string" } },
});
if (!values.email || !values.name || !values.org) {
  console.error('Usage: npm run create-owner -- --email <email> --name "<full name>" --org "<organization>" [--kind manufacturer|importer|consultancy]');
  process.exit(1);
}
const password = process.env.HOPQUY_OWNER_PASSWORD ?? randomBytes(18).toString("base64url");
try {
  const { organization } = await createFirstOwner({
    email: values.email,
    name: values.name,
    password,
    organizationName: values.org,
    organizationKind: (values.kind ?? "manufacturer") as "manufacturer",
  });
  console.log(`Owner ${values.email} created for "${organization.name}" (/${organization.slug}).`);
  if (!process.env.HOPQUY_OWNER_PASSWORD) console.log(`Generated password (shown once): ${password}`);
} catch (error) {
  console.error(isAppError(error) ? `Refused: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await disconnectRawClient();
}
