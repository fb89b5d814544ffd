import "server-only";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { createInnerContext, sessionUser } from "@/server/api/context";
import { createCaller, type AppRouter } from "@/server/api/root";
import { getSession } from "../_auth/session";
import { createQueryClient } from "./query-client";

// One query client and one context per request, shared by every server component rendering it.
const getQueryClient = cache(() => {
  const client = createQueryClient();
  // A failed prefetch is settled at once: the browser's query retries if it needs to.
  client.setDefaultOptions({ ...client.getDefaultOptions(), queries: { ...client.getDefaultOptions().queries, retry: false } });
  return client;
});
const createContext = cache(async () => {
  const session = await getSession();
  return createInnerContext({ user: session ? sessionUser(session.user) : null });
});

/**
 * Server components call procedures through `api` (as the signed-in visitor) and prefetch with
 * `api.x.y.prefetch(input)`; `HydrateClient` hands what they fetched to the client components, whose
 * `useQuery` then starts with it instead of asking again.
 */
export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(createCaller(createContext), getQueryClient);

/**
 * After prefetching: when the server answered NOT_FOUND (an outsider, a deleted recording), the
 * page is the not-found page rather than a client-side error.
 */
export function notFoundIfAnyMissing() {
  for (const query of getQueryClient().getQueryCache().getAll()) {
    const error = query.state.error;
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
  }
}
