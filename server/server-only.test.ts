// Every module under server/ must refuse to be bundled for the browser: `server-only` makes a
// client import fail the build instead of shipping secrets or database code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SERVER_DIR = import.meta.dirname;
// Tests, the test harness and Prisma's generated client never reach a bundle of their own.
const EXCLUDED_DIRS = new Set(["generated", "testing"]);

function serverModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return EXCLUDED_DIRS.has(entry.name) ? [] : serverModules(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("server/", () => {
  const modules = serverModules(SERVER_DIR);

  it("finds the modules it checks", () => {
    expect(modules.length).toBeGreaterThan(40);
    expect(modules.map((file) => path.relative(SERVER_DIR, file))).toContain(path.join("api", "trpc.ts"));
  });

  it.each(modules.map((file) => [path.relative(SERVER_DIR, file), file]))("%s imports server-only", (_name, file) => {
    expect(readFileSync(file, "utf8")).toMatch(/^import "server-only";$/m);
  });
});
