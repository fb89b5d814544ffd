// Prisma Migrate, driven through its official WebAssembly build.
// Prisma's CLI downloads a native schema-engine binary from its own CDN, which the machines we
// build and test on cannot reach; the wasm build ships on npm and speaks the same migration
// format and `_prisma_migrations` table, so `prisma migrate deploy` stays interchangeable with it.
// See docs/decisions/0002-prisma-migrate-through-wasm.md.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
let instantiated = false;

function instantiateWasm(wasmBytes: Buffer) {
  if (instantiated) return;
  const wasmModule = new WebAssembly.Module(new Uint8Array(wasmBytes));
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  instantiated = true;
}

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");

async function openEngine(databaseUrl: string) {
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  instantiateWasm(await readFile(wasmPath));
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg({ connectionString: databaseUrl }),
  );
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    adapter,
  );
  return { engine, schema };
}

async function readMigrations(): Promise<bindings.MigrationList> {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: "migration_lock.toml",
      content: await readFile(lockPath, "utf8").catch(() => null),
    },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

const noExternalObjects = { externalTables: [], externalEnums: [] };

/** The equivalent of `prisma migrate deploy`: applies every migration not yet applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine } = await openEngine(databaseUrl);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: noExternalObjects,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that takes one version of schema.prisma to another (null: an empty database). Works from the
 * two schemas alone: describing a live database through the pg adapter is not supported yet.
 */
export async function schemaChangeSql(databaseUrl: string, previousSchema: string | null) {
  const { engine, schema } = await openEngine(databaseUrl);
  const datamodel = (content: string) => ({
    tag: "schemaDatamodel" as const,
    files: [{ path: SCHEMA_PATH, content }],
  });
  try {
    const result = await engine.diff({
      from: previousSchema === null ? { tag: "empty" } : datamodel(previousSchema),
      to: datamodel(schema),
      script: true,
      exitCode: null,
      filters: noExternalObjects,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
