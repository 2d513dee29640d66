// `npm run platform-admin -- --email a@b.vn --grant` (or --revoke): who may import catalogs.
import { parseArgs } from "node:util";
import { isAppError, setPlatformAdmin } from "@hopquy/core";
import { disconnectRawClient } from "@hopquy/db";
import { loadRootEnv } from "./load-env.mjs";

loadRootEnv();
const { values } = parseArgs({ options: { email: { type: "string" }, grant: { type: "boolean" }, revoke: { type: "boolean" } } });
if (!values.email || values.grant === values.revoke) {
  console.error("Usage: npm run platform-admin -- --email <email> (--grant | --revoke)");
  process.exit(1);
}
try {
  const user = await setPlatformAdmin(values.email, Boolean(values.grant));
  console.log(`${user.email}: platform admin = ${user.isPlatformAdmin}`);
} catch (error) {
  console.error(isAppError(error) ? `Refused: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await disconnectRawClient();
}
