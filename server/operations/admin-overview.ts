import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { jobQueueDepths } from "../jobs/depth";
import { QUEUE_NAMES } from "../jobs/queues";
import { estimateMonth, monthUsage, type Prices } from "./cost";
import { HELD_STATUSES } from "./daily-usage";

export const WINDOWS = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24 } as const;
export type Window = keyof typeof WINDOWS;

const rate = (good: number, bad: number) => (good + bad === 0 ? null : good / (good + bad));

async function uploadSuccess(db: Db, since: Date) {
  const [succeeded, failed, expired] = await Promise.all([
    db.recording.count({ where: { createdAt: { gte: since }, uploadedAt: { not: null } } }),
    db.recording.count({ where: { createdAt: { gte: since }, status: "FAILED" } }),
    db.recording.count({ where: { createdAt: { gte: since }, status: "EXPIRED" } }),
  ]);
  return { succeeded, failed, expired, rate: rate(succeeded, failed + expired) };
}

async function playbackSuccess(db: Db, since: Date) {
  const rows = await db.playReport.groupBy({
    by: ["ok", "errorCode"],
    where: { at: { gte: since } },
    _count: { _all: true },
  });
  const started = rows.filter((row) => row.ok).reduce((sum, row) => sum + row._count._all, 0);
  const errors = rows
    .filter((row) => !row.ok)
    .map((row) => ({ code: row.errorCode ?? "unknown", count: row._count._all }));
  const failed = errors.reduce((sum, row) => sum + row.count, 0);
  return { started, failed, errors, rate: rate(started, failed) };
}

/** Refusal reasons with their figures blanked, so "1000 bytes but 999" and "5 but 4" count as one. */
function failureReasons(db: Db, since: Date) {
  return db.$queryRaw<{ reason: string; count: number }[]>`
    select regexp_replace("failureReason", '[0-9]+', 'N', 'g') as reason, count(*)::int as count
    from recording
    where "createdAt" >= ${since} and status in ('FAILED', 'EXPIRED') and "failureReason" is not null
    group by 1 order by 2 desc limit 20`;
}

async function largestUsers(db: Db) {
  const rows = await db.recording.groupBy({
    by: ["ownerId"],
    where: { status: { in: HELD_STATUSES }, sizeBytes: { not: null } },
    _sum: { sizeBytes: true },
    _count: { _all: true },
    orderBy: { _sum: { sizeBytes: "desc" } },
    take: 10,
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.map((row) => row.ownerId) } },
    select: { id: true, name: true, email: true },
  });
  return rows.map((row) => {
    const user = users.find((candidate) => candidate.id === row.ownerId);
    return {
      name: user?.name ?? "",
      email: user?.email ?? "",
      bytes: row._sum.sizeBytes ?? 0,
      recordings: row._count._all,
    };
  });
}

async function queues(db: Db) {
  const [analysis, depths, retrying, oldest] = await Promise.all([
    db.recordingAnalysis.groupBy({ by: ["status"], _count: { _all: true } }),
    jobQueueDepths(db),
    db.recording.count({ where: { status: "DELETING", deleteAttempts: { gt: 0 } } }),
    db.recording.aggregate({ where: { status: "DELETING" }, _min: { deleteRequestedAt: true } }),
  ]);
  const analysisCount = (status: string) => analysis.find((row) => row.status === status)?._count._all ?? 0;
  return {
    queues: [
      { queue: "analysis", waiting: analysisCount("pending"), running: analysisCount("running") },
      ...QUEUE_NAMES.map((queue) => {
        const depth = depths.find((row) => row.queue === queue);
        return { queue, waiting: depth?.waiting ?? 0, running: depth?.active ?? 0 };
      }),
    ],
    deletionsRetrying: retrying,
    oldestDeletionRequestedAt: oldest._min.deleteRequestedAt,
  };
}

/** Everything /admin shows for one window, read from the database (the same on every instance). */
export async function adminOverview(db: Db, window: Window, now: Date, prices: Prices) {
  const since = new Date(now.getTime() - WINDOWS[window] * 3600 * 1000);
  const [uploads, playback, reasons, trend, month, users, jobs] = await Promise.all([
    uploadSuccess(db, since),
    playbackSuccess(db, since),
    failureReasons(db, since),
    db.dailyUsage.findMany({
      where: { day: { gte: new Date(now.getTime() - 30 * 24 * 3600 * 1000) } },
      orderBy: { day: "asc" },
      select: { day: true, bytesHeld: true, objects: true, uploads: true, plays: true, bytesServed: true },
    }),
    monthUsage(db, now),
    largestUsers(db),
    queues(db),
  ]);
  return {
    window,
    uploads,
    playback,
    failureReasons: reasons,
    storage: {
      bytesHeld: month.bytesHeldNow,
      trend: trend.map((day) => ({
        day: day.day.toISOString().slice(0, 10),
        bytesHeld: Number(day.bytesHeld),
        objects: day.objects,
        uploads: day.uploads,
        plays: day.plays,
        bytesServed: Number(day.bytesServed),
      })),
    },
    cost: estimateMonth(month, prices),
    largestUsers: users,
    ...jobs,
  };
}

const AUDIT_PAGE_SIZE = 50;

/** The audit trail, newest first, filtered by a user (as actor or subject) and an event. */
export async function auditLog(
  db: Db,
  filter: { userEmail?: string; event?: string; before?: bigint },
) {
  let userId: string | undefined;
  if (filter.userEmail) {
    const user = await db.user.findUnique({ where: { email: filter.userEmail }, select: { id: true } });
    if (!user) return { items: [], nextBefore: null };
    userId = user.id;
  }
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.event && { event: filter.event }),
    ...(userId && { OR: [{ actorId: userId }, { subjectUserId: userId }] }),
    ...(filter.before && { id: { lt: filter.before } }),
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      at: true,
      event: true,
      actorId: true,
      subjectUserId: true,
      recordingId: true,
      clientAddress: true,
      detail: true,
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const people = await db.user.findMany({
    where: { id: { in: page.flatMap((row) => [row.actorId, row.subjectUserId]).filter((id) => id !== null) } },
    select: { id: true, email: true },
  });
  const email = (id: string | null) => (id ? (people.find((user) => user.id === id)?.email ?? id) : null);
  return {
    items: page.map((row) => ({
      id: row.id.toString(),
      at: row.at,
      event: row.event,
      actor: email(row.actorId),
      subject: email(row.subjectUserId),
      recordingId: row.recordingId,
      clientAddress: row.clientAddress,
      detail: row.detail === null ? null : JSON.stringify(row.detail),
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id.toString() : null,
  };
}
