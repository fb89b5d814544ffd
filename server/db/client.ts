import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 }),
  });
}

// Next's dev server re-evaluates modules on every change; keeping the client on globalThis stops
// each reload from opening another connection pool.
const globalForDb = globalThis as unknown as { db?: Db };
export const db = globalForDb.db ?? createDb(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.db = db;
