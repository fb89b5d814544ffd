import { QueryClient } from "@tanstack/react-query";
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
        // Only what was fetched (the default). Pages await their prefetches, so a query still in
        // flight is the page's, seen by the layout's HydrateClient, which Next renders at the same
        // time on the same per-request client; the page hands it over itself once it settles. Sent
        // from the layout, one that ends in NOT_FOUND (the page then renders not-found) would reach
        // the browser as a rejected promise, which production logs as "Error: redacted".
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
