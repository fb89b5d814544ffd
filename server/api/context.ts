import "server-only";
import { auth } from "../auth/auth";
import type { Services } from "../recordings/services";
import { servicesFromEnv } from "../services";

export interface SessionUser {
  id: string;
  role: "student" | "coach";
}

/** A context with no request behind it: what tests, scripts and server components use. */
export function createInnerContext(options: { user: SessionUser | null; services?: Services }) {
  return { user: options.user, services: options.services ?? servicesFromEnv() };
}

export type Context = ReturnType<typeof createInnerContext>;

/** The context of an HTTP request to /api/trpc: the signed-in user comes from the session cookie. */
export async function createRequestContext({ headers }: { headers: Headers }): Promise<Context> {
  const session = await auth.api.getSession({ headers });
  const user = session
    ? ({ id: session.user.id, role: session.user.role === "coach" ? "coach" : "student" } as const)
    : null;
  return createInnerContext({ user });
}
