import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";

/** The most points one series carries: the latest ones, so a long history stays quick to draw. */
export const MAX_PROGRESS_POINTS = 500;

interface PointRow {
  recordingId: string;
  title: string;
  date: Date;
  wordsPerMinute: number | null;
  wordsPerMinuteLow: number | null;
  wordsPerMinuteHigh: number | null;
  pausesPerMinute: number | null;
  pitchVariationSemitones: number | null;
  integratedLufs: number | null;
}

/**
 * One point per analysed recording of the owner, oldest first, between `from` and `to`
 * (both inclusive). The headline columns are read, and of the metrics JSON only the pace range.
 */
export async function progressSeries(db: Db, ownerId: string, range: { from?: Date; to?: Date }) {
  if (range.from && range.to && range.from > range.to) {
    throw new AppError("BAD_REQUEST", "The range starts after it ends: choose a start on or before the end.");
  }
  const rows = await db.$queryRaw<PointRow[]>`
    select r.id as "recordingId", r.title, r."createdAt" as date,
      a."wordsPerMinute",
      (a.metrics #>> '{wordsPerMinute,low}')::float8 as "wordsPerMinuteLow",
      (a.metrics #>> '{wordsPerMinute,high}')::float8 as "wordsPerMinuteHigh",
      a."pausesPerMinute", a."pitchVariationSemitones", a."integratedLufs"
    from recording r
    join recording_analysis a on a."recordingId" = r.id
    where r."ownerId" = ${ownerId}
      and r.status = 'READY'
      and a.status = 'done'
      ${range.from ? Prisma.sql`and r."createdAt" >= ${range.from}` : Prisma.empty}
      ${range.to ? Prisma.sql`and r."createdAt" <= ${range.to}` : Prisma.empty}
    order by r."createdAt" desc, r.id desc
    limit ${MAX_PROGRESS_POINTS + 1}`;
  const points = rows.slice(0, MAX_PROGRESS_POINTS).reverse().map((row) => ({
    recordingId: row.recordingId,
    title: row.title,
    date: row.date,
    wordsPerMinute:
      row.wordsPerMinute === null
        ? null
        : { estimate: row.wordsPerMinute, low: row.wordsPerMinuteLow ?? row.wordsPerMinute, high: row.wordsPerMinuteHigh ?? row.wordsPerMinute },
    pausesPerMinute: row.pausesPerMinute,
    pitchVariationSemitones: row.pitchVariationSemitones,
    integratedLufs: row.integratedLufs,
  }));
  return { points, truncated: rows.length > MAX_PROGRESS_POINTS };
}
