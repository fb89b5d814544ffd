import "server-only";
import { roleOf, type Role } from "../access/policy";
import { clientAddressOf } from "../audit/audit";
import { auth } from "../auth/auth";
import type { Services } from "../recordings/services";
import { servicesFromEnv } from "../services";

export interface SessionUser {
  id: string;
  role: Role;
}

/** The user as procedures see them, from better-auth's session user. */
export function sessionUser(user: { id: string; role?: string | null }): SessionUser {
  return { id: user.id, role: roleOf(user.role) };
}

/** A context with no request behind it: what tests, scripts and server components use. */
export function createInnerContext(options: {
  user: SessionUser | null;
  services?: Services;
  clientAddress?: string | null;
}) {
  return {
    user: options.user,
    services: options.services ?? servicesFromEnv(),
    clientAddress: options.clientAddress ?? null,
  };
}

export type Context = ReturnType<typeof createInnerContext>;

/**
 * The context of an HTTP request to /api/trpc: the signed-in user comes from the session cookie.
 * Cookies better-auth renews while reading it (its cookie cache) go out with the response.
 */
export async function createRequestContext({ headers, resHeaders }: { headers: Headers; resHeaders: Headers }): Promise<Context> {
  const { response: session, headers: authHeaders } = await auth.api.getSession({ headers, returnHeaders: true });
  for (const cookie of authHeaders.getSetCookie()) resHeaders.append("set-cookie", cookie);
  return createInnerContext({
    user: session ? sessionUser(session.user) : null,
    clientAddress: clientAddressOf(headers),
  });
}
