// Runs promtool over the alert rules and their unit tests (ops/prometheus/alerts.test.yml).
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const PROMTOOL = process.env.PROMTOOL_PATH ?? "/usr/bin/promtool";
const DIR = import.meta.dirname;

async function promtool(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(PROMTOOL, args);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("Prometheus alert rules", () => {
  it("are valid rules", async () => {
    const result = await promtool("check", "rules", path.join(DIR, "alerts.yml"));
    expect(result.output).toContain("SUCCESS: 11 rules found");
    expect(result.code).toBe(0);
  });

  it("fire and stay quiet exactly as their unit tests expect", async () => {
    const result = await promtool("test", "rules", path.join(DIR, "alerts.test.yml"));
    expect(result.output).toContain("SUCCESS");
    expect(result.code).toBe(0);
  });

  it("have tests that notice a loosened threshold", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "alerts-"));
    try {
      const rules = await readFile(path.join(DIR, "alerts.yml"), "utf8");
      expect(rules).toContain(") < 0.95");
      await writeFile(path.join(dir, "alerts.yml"), rules.replace(") < 0.95", ") < 0.5"));
      await copyFile(path.join(DIR, "alerts.test.yml"), path.join(dir, "alerts.test.yml"));
      const result = await promtool("test", "rules", path.join(dir, "alerts.test.yml"));
      expect(result.code).not.toBe(0);
      expect(result.output).toContain("alertname: UploadSuccessRateLow");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
