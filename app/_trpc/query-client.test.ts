import { dehydrate, hydrate } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createQueryClient } from "./query-client";

// A request's server components share one query client, and Next renders the signed-in layout
// (whose HydrateClient dehydrates it) while the page is still prefetching.
describe("what a server component's HydrateClient hands to the browser", () => {
  it("leaves out a query still in flight, so a prefetch that ends in NOT_FOUND is never shipped as a redacted error", async () => {
    const client = createQueryClient();
    let fail!: (error: Error) => void;
    const prefetch = client.prefetchQuery({
      queryKey: ["recording", "byId"],
      queryFn: () => new Promise((_, reject) => (fail = reject)),
      retry: false,
    });
    const whileInFlight = dehydrate(client);
    fail(new Error("Recording not found."));
    await prefetch;
    expect(whileInFlight.queries).toEqual([]);
  });

  it("hands over what was fetched, and not what failed", async () => {
    const client = createQueryClient();
    await client.prefetchQuery({ queryKey: ["usage"], queryFn: async () => ({ bytesUsed: 1, at: new Date(0) }) });
    await client.prefetchQuery({ queryKey: ["missing"], queryFn: () => Promise.reject(new Error("not found")), retry: false });
    const state = dehydrate(client);
    expect(state.queries.map((query) => query.queryKey)).toEqual([["usage"]]);
    const hydrated = createQueryClient();
    hydrate(hydrated, JSON.parse(JSON.stringify(state)));
    expect(hydrated.getQueryData(["usage"])).toEqual({ bytesUsed: 1, at: new Date(0) });
  });
});
