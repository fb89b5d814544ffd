import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createUser, uploadRecording } from "../testing/helpers";
import { estimateMonth, type Prices } from "./cost";
import { rollUpDailyUsage, startOfUtcDay, storageHeld } from "./daily-usage";

const SEED_PRICES: Prices = { storageGbMonth: 0.023, putPer1000: 0.005, getPer1000: 0.0004, transferOutGb: 0.09 };
const GB = 1024 ** 3;

describe("the monthly cost estimate", () => {
  it("prices a month of storage, requests and transfer at the configured prices", () => {
    const fullMonth = estimateMonth(
      { averageBytesHeld: 100 * GB, bytesHeldNow: 100 * GB, puts: 10_000, gets: 100_000, bytesServed: 10 * GB, elapsed: 1 },
      SEED_PRICES,
    );
    // 100 GB × 0.023 + 10 × 0.005 + 100 × 0.0004 + 10 GB × 0.09
    expect(fullMonth.monthToDate).toBeCloseTo(2.3 + 0.05 + 0.04 + 0.9, 10);
    expect(fullMonth.projected).toBe(fullMonth.monthToDate);
  });

  it("projects the rest of the month from today's holdings and this month's pace", () => {
    const halfway = estimateMonth(
      { averageBytesHeld: 40 * GB, bytesHeldNow: 100 * GB, puts: 0, gets: 0, bytesServed: 10 * GB, elapsed: 0.5 },
      SEED_PRICES,
    );
    // So far: 40 GB for half a month (0.46) and 10 GB served (0.90).
    expect(halfway.monthToDate).toBeCloseTo(1.36, 10);
    // Then 100 GB for the other half (1.15) and as much again served (0.90).
    expect(halfway.projected).toBeCloseTo(3.41, 10);
    expect(halfway.breakdown).toEqual({ storage: 1.61, requests: 0, transfer: 1.8 });
  });
});

describe("the daily usage rollup", () => {
  it("writes today's storage held and uploads, and repeating it changes nothing", async () => {
    await uploadRecording(await createUser(), "speech-short.webm");
    const now = new Date();
    await rollUpDailyUsage(db, now);
    await rollUpDailyUsage(db, now);
    const row = await db.dailyUsage.findUniqueOrThrow({ where: { day: startOfUtcDay(now) } });
    const held = await storageHeld(db);
    expect(row.bytesHeld).toBe(held.bytesHeld);
    expect(row.objects).toBe(held.objects);
    expect(row.uploads).toBeGreaterThanOrEqual(1);
    expect(await db.dailyUsage.count({ where: { day: startOfUtcDay(now) } })).toBe(1);
  });
});
