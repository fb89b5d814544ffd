// A busy connection pool is "try again", not a bug: what the API answers when every pooled
// connection is taken, against a real PostgreSQL with a pool of one connection that a test holds
// for as long as it likes; and a transaction our own code kept open too long stays a 500.
import { afterEach, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { createCallerFactory, createTRPCRouter, publicProcedure } from "../api/trpc";
import { createInnerContext } from "../api/context";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { outcomeOf, testServices } from "../testing/helpers";

// Procedures that do nothing but the database work under test, behind the app's error mapping.
const probes = createTRPCRouter({
  transaction: publicProcedure.mutation(({ ctx }) =>
    ctx.services.db.$transaction((tx) => tx.user.count(), { maxWait: 50 }),
  ),
  query: publicProcedure.query(({ ctx }) => ctx.services.db.user.count()),
  overrunTransaction: publicProcedure.mutation(({ ctx }) =>
    ctx.services.db.$transaction(
      async (tx) => {
        // Sleeping past the 1 ms timeout only bounds it from below: the timeout has always passed.
        await sleep(50);
        return tx.user.count();
      },
      { timeout: 1, maxWait: 60_000 },
    ),
  ),
});
const callProbes = createCallerFactory(probes);

const clients: PrismaClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.$disconnect()));
});

/**
 * A client like the app's, but its pool has one connection, already open, so nothing under test
 * waits on opening it; `hold` keeps it busy until released.
 */
async function onePooledConnection() {
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1 });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  clients.push(client);
  await client.user.count();
  const caller = callProbes(createInnerContext({ user: null, services: testServices({ db: client }) }));
  async function hold() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const transaction = client.$transaction(
      async (tx) => {
        await tx.user.count();
        holding();
        await released;
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    await Promise.race([held, transaction]);
    return async () => {
      release();
      await transaction;
    };
  }
  return { caller, pool, hold };
}

describe("database availability errors", () => {
  it.each([
    // The pool waits as long as it takes, so it is Prisma's start timeout (maxWait) that fires.
    { what: "a transaction that cannot start within maxWait", poolWaitMs: 0, probe: "transaction" as const },
    { what: "a query that waits past the pool's connection timeout", poolWaitMs: 50, probe: "query" as const },
  ])("$what while the pool is busy answers SERVICE_UNAVAILABLE", async ({ poolWaitMs, probe }) => {
    const { caller, pool, hold } = await onePooledConnection();
    const release = await hold();
    // pg's pool reads its timeout at each checkout: set only now, it bounds the wait for the held
    // connection and never the opening of one on a busy machine.
    pool.options.connectionTimeoutMillis = poolWaitMs;
    await expect(outcomeOf(() => caller[probe]())).resolves.toBe("SERVICE_UNAVAILABLE");
    await release();
  });

  it("a transaction that our own code kept open past its timeout stays an INTERNAL_SERVER_ERROR", async () => {
    const { caller } = await onePooledConnection();
    await expect(outcomeOf(() => caller.overrunTransaction())).resolves.toBe("INTERNAL_SERVER_ERROR");
  });
});
