// History benchmark: how `recording.list` (server/recordings/queries.ts) costs at the first page
// and deep in a long history. Seeds 100,000 recordings for one user in a database of its own (an
// embedded PostgreSQL in .data/bench-history on EMBEDDED_POSTGRES_PORT), then prints the p50 of
// the first page and of the page at row 99,000, their ratio, and the rows PostgreSQL removed by
// filter when running the deep page's query (EXPLAIN ANALYZE of the SQL Prisma sent).
//
//   EMBEDDED_POSTGRES_PORT=56040 npm run bench:history
//   ROWS=100000 DEEP_ROW=99000 RUNS=200 npm run bench:history
import { rm } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { applyMigrations } from "../scripts/local/schema-engine";
import { startLocalPostgres } from "../scripts/local/postgres";

const ROWS = Number(process.env.ROWS ?? 100_000);
const DEEP_ROW = Number(process.env.DEEP_ROW ?? 99_000);
const RUNS = Number(process.env.RUNS ?? 200);
const PAGE = 20;
const DATA_DIR = path.resolve(".data/bench-history");
const OWNER = "bench-history-owner";

const postgres = await (async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  return startLocalPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 56040),
    database: "bench_history",
  });
})();

// server/env.ts validates at import; the list query needs only the database.
Object.assign(process.env, {
  DATABASE_URL: postgres.url,
  BETTER_AUTH_SECRET: "bench-history-secret-that-is-long-enough",
  S3_BUCKET: "bench-history",
  LOG_LEVEL: "warn",
});
const { PrismaClient } = await import("../server/generated/prisma/client");
const { listRecordings } = await import("../server/recordings/queries");

const sql = new pg.Client({ connectionString: postgres.url });

function p50(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function seed() {
  await applyMigrations(postgres.url);
  await sql.query(
    `insert into "user" (id, name, email, role, "updatedAt") values ($1, 'Bench', 'bench@example.test', 'student', now())`,
    [OWNER],
  );
  // One recording a minute going back in time, as a busy user's history would be.
  await sql.query(
    `insert into recording (id, "ownerId", title, status, "fileKey", "contentType", "sizeBytes", "durationMs", "createdAt", "uploadedAt")
     select gen_random_uuid(), $1, 'Recording ' || i, 'READY', 'users/' || $1 || '/recordings/' || i || '/audio.m4a',
            'audio/mp4', 100000, 30000, now() - i * interval '1 minute', now() - i * interval '1 minute'
     from generate_series(1, $2::int) as i`,
    [OWNER, ROWS],
  );
  await sql.query("analyze");
}

await sql.connect();
try {
  await seed();
  const queries: { query: string; params: string }[] = [];
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: postgres.url }),
    log: [{ emit: "event", level: "query" }],
  });
  db.$on("query", (event) => queries.push({ query: event.query, params: event.params }));
  const services = { db } as unknown as Parameters<typeof listRecordings>[0];
  const list = (cursor?: string) => listRecordings(services, OWNER, { cursor, limit: PAGE });

  // The cursor a person scrolling would hold at row DEEP_ROW.
  const { nextCursor: deepCursor } = await listRecordings(services, OWNER, { limit: DEEP_ROW });
  if (!deepCursor) throw new Error("seeding failed: no cursor at the deep row");

  // Alternating the two pages run for run, so a busy machine slows both alike.
  const firstTimes: number[] = [];
  const deepTimes: number[] = [];
  for (let i = 0; i < 20; i++) await Promise.all([list(), list(deepCursor)]);
  for (let i = 0; i < RUNS; i++) {
    for (const [cursor, times] of [[undefined, firstTimes], [deepCursor, deepTimes]] as const) {
      const started = performance.now();
      await list(cursor);
      times.push(performance.now() - started);
    }
  }
  const first = p50(firstTimes);
  const deep = p50(deepTimes);

  queries.length = 0;
  const deepPage = await list(deepCursor);
  if (deepPage.items.length !== PAGE) throw new Error(`the deep page has ${deepPage.items.length} rows`);
  const listQuery = queries.find((q) => /from "public"\."recording"/i.test(q.query));
  if (!listQuery) throw new Error("the list query was not captured");
  const plan = await sql.query(`explain (analyze, format json) ${listQuery.query}`, JSON.parse(listQuery.params));
  const removed = rowsRemovedByFilter(plan.rows[0]["QUERY PLAN"][0].Plan);
  const textPlan = await sql.query(`explain analyze ${listQuery.query}`, JSON.parse(listQuery.params));

  console.log(`recording.list over ${ROWS} recordings of one user, ${PAGE} a page, p50 of ${RUNS} runs`);
  console.log(textPlan.rows.map((row) => `  ${row["QUERY PLAN"]}`).join("\n"));
  console.log(`page 1 p50:          ${first.toFixed(2)} ms`);
  console.log(`page at row ${DEEP_ROW} p50: ${deep.toFixed(2)} ms`);
  console.log(`ratio deep/first:    ${(deep / first).toFixed(2)} (target < 1.3)`);
  console.log(`rows removed by filter (deep page): ${removed} (target < 100)`);
  await db.$disconnect();
} finally {
  await sql.end();
  await postgres.stop();
}

interface PlanNode {
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

function rowsRemovedByFilter(node: PlanNode): number {
  return (node["Rows Removed by Filter"] ?? 0) + (node.Plans ?? []).reduce((sum, child) => sum + rowsRemovedByFilter(child), 0);
}
