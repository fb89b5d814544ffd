// ESLint and knip run inside `npm test` so CI counts them (docs/decisions/0019-lint.md).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
// The whole repository on this shared two-core machine takes 30–60 s.
const SLOW = 240_000;

describe("lint", () => {
  it("ESLint finds no errors or warnings", { timeout: SLOW }, async () => {
    const results = await new ESLint({ cwd: ROOT }).lintFiles(["."]);
    const findings = results.flatMap((result) =>
      result.messages.map(
        (message) => `${path.relative(ROOT, result.filePath)}:${message.line} ${message.ruleId ?? "parse"} ${message.message}`,
      ),
    );
    expect(results.length).toBeGreaterThan(100);
    expect(findings, findings.join("\n")).toEqual([]);
  });

  it("knip finds no unused files, exports, types or dependencies", { timeout: SLOW }, async () => {
    const output = await runKnip();
    const rows = (JSON.parse(output) as { issues: Record<string, unknown>[] }).issues;
    const findings = rows.flatMap(({ file, owners: _owners, ...kinds }) =>
      Object.entries(kinds).flatMap(([kind, items]) =>
        (items as KnipItem[]).map((item) => {
          const first = Array.isArray(item) ? item[0] : item;
          const names = Array.isArray(item) ? item.map((each) => each.name).join(", ") : item.name;
          return `${file}${first?.line ? `:${first.line}` : ""} ${kind} ${names}`;
        }),
      ),
    );
    expect(findings, findings.join("\n")).toEqual([]);
  });
});

type KnipSymbol = { name: string; line?: number };
type KnipItem = KnipSymbol | KnipSymbol[];

/** knip's JSON report; knip exits with 1 when it finds something, which is still a report. */
async function runKnip(): Promise<string> {
  const bin = path.join(ROOT, "node_modules/.bin/knip");
  try {
    return (await promisify(execFile)(bin, ["--reporter", "json", "--no-progress"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout } = error as { stdout?: string };
    if (stdout?.trim().startsWith("{")) return stdout;
    throw error;
  }
}
