import "server-only";
import { db } from "./db/client";
import { storage } from "./storage";

async function probe(check: () => Promise<unknown>) {
  const started = Date.now();
  try {
    await check();
    return { ok: true, ms: Date.now() - started };
  } catch {
    return { ok: false, ms: Date.now() - started };
  }
}

/** Whether the database and the bucket answer right now. */
export async function checkHealth() {
  const [database, objectStorage] = await Promise.all([
    probe(() => db.$queryRaw`select 1`),
    probe(() => storage.assertReachable()),
  ]);
  return { ok: database.ok && objectStorage.ok, database, storage: objectStorage };
}
