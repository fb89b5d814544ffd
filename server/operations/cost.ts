import "server-only";
import type { Db } from "../db/client";
import { env } from "../env";
import { startOfUtcDay, storageHeld } from "./daily-usage";

export interface Prices {
  storageGbMonth: number;
  putPer1000: number;
  getPer1000: number;
  transferOutGb: number;
}

export const pricesFromEnv = (): Prices => ({
  storageGbMonth: env.PRICE_STORAGE_GB_MONTH,
  putPer1000: env.PRICE_PUT_PER_1000,
  getPer1000: env.PRICE_GET_PER_1000,
  transferOutGb: env.PRICE_TRANSFER_OUT_GB,
});

// S3 bills by the binary gigabyte.
const GB = 1024 ** 3;

interface MonthUsage {
  /** Average bytes held over the days so far, and now. */
  averageBytesHeld: number;
  bytesHeldNow: number;
  puts: number;
  gets: number;
  bytesServed: number;
  /** Share of the month that has passed, 0–1. */
  elapsed: number;
}

const round = (dollars: number) => Math.round(dollars * 100) / 100;

/**
 * This month's bill so far and where it is heading: storage accrues at what is held (past days at
 * their average, the rest of the month at today's holdings); requests and transfer continue at
 * this month's pace.
 */
export function estimateMonth(usage: MonthUsage, prices: Prices) {
  const requests = (usage.puts / 1000) * prices.putPer1000 + (usage.gets / 1000) * prices.getPer1000;
  const transfer = (usage.bytesServed / GB) * prices.transferOutGb;
  const storageSoFar = (usage.averageBytesHeld / GB) * prices.storageGbMonth * usage.elapsed;
  const storageRest = (usage.bytesHeldNow / GB) * prices.storageGbMonth * (1 - usage.elapsed);
  const pace = usage.elapsed > 0 ? 1 / usage.elapsed : 1;
  return {
    monthToDate: round(storageSoFar + requests + transfer),
    projected: round(storageSoFar + storageRest + (requests + transfer) * pace),
    breakdown: {
      storage: round(storageSoFar + storageRest),
      requests: round(requests * pace),
      transfer: round(transfer * pace),
    },
  };
}

/** Reads this month's usage from the daily rollup and the live tables. */
export async function monthUsage(db: Db, now: Date): Promise<MonthUsage> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  // One after another: the metrics scrape calls this while requests need the pool's connections.
  const held = await storageHeld(db);
  const days = await db.dailyUsage.aggregate({
    where: { day: { gte: monthStart, lt: startOfUtcDay(now) } },
    _avg: { bytesHeld: true },
  });
  const puts = await db.recording.count({ where: { uploadedAt: { gte: monthStart } } });
  const plays = await db.playReport.aggregate({
    where: { at: { gte: monthStart }, ok: true },
    _count: { _all: true },
    _sum: { sizeBytes: true },
  });
  const bytesHeldNow = Number(held.bytesHeld);
  return {
    averageBytesHeld: days._avg.bytesHeld === null ? bytesHeldNow : Number(days._avg.bytesHeld),
    bytesHeldNow,
    puts,
    gets: plays._count._all,
    bytesServed: plays._sum.sizeBytes ?? 0,
    elapsed: (now.getTime() - monthStart.getTime()) / (monthEnd.getTime() - monthStart.getTime()),
  };
}
