import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/**
 * The one QueryClient setup, for the browser and for server components: what a server component
 * prefetches is serialised with the same transformer tRPC uses, so dates arrive as dates.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Hydrated data counts as fresh for a while, so the browser does not fetch it again at once.
      queries: { staleTime: 10_000, retry: 1 },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
