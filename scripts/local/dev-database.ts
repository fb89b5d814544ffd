import path from "node:path";
import { startLocalPostgres } from "./postgres";

export const DATA_DIR = path.resolve(process.env.DATA_DIR ?? ".data");

/** Runs work against DATABASE_URL, or against the embedded dev database when none is set. */
export async function withDevDatabase(work: (databaseUrl: string) => Promise<void>) {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const pg = await startLocalPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    database: "speech_coach",
  });
  try {
    await work(pg.url);
  } finally {
    await pg.stop();
  }
}
