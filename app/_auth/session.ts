import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/server/auth/auth";

/** The visitor's session, looked up once per request however many components ask. */
export const getSession = cache(async () => auth.api.getSession({ headers: await headers() }));

/** For pages behind sign-in: the session, or a redirect to the sign-in page. */
export async function requireSession() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return session;
}
