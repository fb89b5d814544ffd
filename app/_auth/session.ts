import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/server/auth/auth";

export async function getSession() {
  return auth.api.getSession({ headers: await headers() });
}

/** For pages behind sign-in: the session, or a redirect to the sign-in page. */
export async function requireSession() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return session;
}
