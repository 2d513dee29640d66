import { isInstanceEmpty, listOrganizationsOfUser } from "@hopquy/core";
import { redirect } from "next/navigation";
import { getSession } from "@/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (await isInstanceEmpty()) redirect("/setup");
  const user = await getSession();
  if (!user) redirect("/sign-in");
  const organizations = await listOrganizationsOfUser(user.id);
  redirect(organizations[0] ? `/${organizations[0].slug}` : "/orgs/new");
}
