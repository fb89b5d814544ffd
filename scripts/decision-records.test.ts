// Every decision record says when it was decided and whether it still holds (docs/decisions/0001).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(import.meta.dirname, "../docs/decisions");
const records = readdirSync(DIR).filter((name) => /^\d{4}-.+\.md$/.test(name));

describe("decision records", () => {
  it("are found", () => {
    expect(records.length).toBeGreaterThan(8);
  });

  it.each(records)("%s has a date and a status", (name) => {
    const text = readFileSync(path.join(DIR, name), "utf8");
    expect(text).toMatch(/^[-*\s]*date\**:\**\s*\d{4}-\d{2}-\d{2}\b/im);
    expect(text).toMatch(/^[-*\s]*status\**:\**\s*(proposed|accepted|superseded|deprecated)\b/im);
  });
});
