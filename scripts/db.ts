// Database chores that Prisma's CLI would do with its native engine (see scripts/local/schema-engine.ts):
//   tsx scripts/db.ts generate           generate the Prisma client into server/generated/prisma
//   tsx scripts/db.ts deploy             apply committed migrations to DATABASE_URL
//   tsx scripts/db.ts new <name>         write prisma/migrations/<timestamp>_<name> holding the
//                                        changes to schema.prisma since the last committed migration
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations, PRISMA_DIR, schemaChangeSql } from "./local/schema-engine";
import { withDevDatabase } from "./local/dev-database";

const [command, name] = process.argv.slice(2);

// Migrations are committed together with the schema they produce, so the schema as of the last
// commit that touched prisma/migrations is what the migrations already hold.
function schemaOfLastMigration(): string | null {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  const commit = git("log", "-1", "--format=%H", "--", "prisma/migrations");
  return commit ? git("show", `${commit}:prisma/schema.prisma`) : null;
}

function timestamp() {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}

// `prisma generate` needs no schema engine (it uses the wasm schema tools) but the CLI insists
// that the binary be present and would try to download it; pointing it at any existing file
// skips that download.
function generateClient() {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "generate"], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath },
  });
  process.exitCode = result.status ?? 1;
}

if (command === "generate") generateClient();
else await withDevDatabase(async (databaseUrl) => {
  if (command === "deploy") {
    const applied = await applyMigrations(databaseUrl);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
    // Server code (hence --conditions=react-server for this command), loaded only when deploying.
    const { installJobQueues } = await import("../server/jobs/boss");
    await installJobQueues(databaseUrl);
    console.log("Job queues installed (pg-boss schema `pgboss`).");
  } else if (command === "new" && name && /^[a-z0-9_]+$/.test(name)) {
    const sql = await schemaChangeSql(databaseUrl, schemaOfLastMigration());
    if (!sql.trim() || sql.includes("empty migration")) {
      console.log("schema.prisma matches the migrations: nothing to write.");
      return;
    }
    const dir = path.join(PRISMA_DIR, "migrations", `${timestamp()}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } else {
    console.error("usage: tsx scripts/db.ts deploy | new <snake_case_name>");
    process.exitCode = 2;
  }
});
