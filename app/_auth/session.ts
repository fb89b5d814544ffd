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

/** Where to go after signing in: only paths on this site, never another origin. */
export function safeNext(next: string | string[] | undefined, fallback = "/recordings") {
  const value = Array.isArray(next) ? next[0] : next;
  return value && value.startsWith("/") && !value.startsWith("//") ? value : fallback;
}
