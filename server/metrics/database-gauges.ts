import "server-only";
import { Gauge } from "prom-client";
import type { Db } from "../db/client";
import { env } from "../env";
import { jobQueueDepths } from "../jobs/depth";
import { QUEUE_NAMES } from "../jobs/queues";
import { estimateMonth, monthUsage, pricesFromEnv } from "../operations/cost";
import type { Storage } from "../storage/storage";
import { metrics } from "./metrics";

const registers = [metrics.registry];
const STORAGE_STATUSES = ["PENDING", "READY", "DELETING"] as const;

function gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) {
  const existing = metrics.registry.getSingleMetric(`speech_coach_${name}`);
  return (existing as Gauge<L> | undefined) ?? new Gauge({ name: `speech_coach_${name}`, help, labelNames, registers });
}

const gauges = {
  databaseUp: gauge("database_up", "1 when the database answered this scrape."),
  s3Up: gauge("s3_up", "1 when the bucket answered this scrape."),
  storageBytes: gauge("storage_bytes", "Bytes of audio recorded in the database, by recording status.", ["status"]),
  storageObjects: gauge("storage_objects", "Audio objects recorded in the database, by recording status.", ["status"]),
  monthlyCost: gauge(
    "estimated_monthly_cost_dollars",
    "This month's S3 bill projected from storage held and this month's requests and transfer.",
  ),
  costThreshold: gauge("cost_alert_threshold_dollars", "COST_ALERT_MONTHLY_DOLLARS, for the cost alert."),
  queueDepth: gauge(
    "job_queue_depth",
    "Jobs waiting or running, by pg-boss queue (and analysis: recordings waiting to be analysed).",
    ["queue"],
  ),
  deletionsWaiting: gauge("deletions_waiting_retry", "Deletions whose first attempt failed and that wait for a retry."),
  oldestDeletion: gauge(
    "deletion_oldest_waiting_seconds",
    "Age of the oldest deletion still under way (0 when none).",
  ),
};

// One query at a time: a scrape holds one of the pool's connections, never several at once, so it
// cannot make the requests it is measuring wait for a connection.
async function readDatabase(db: Db, now: Date) {
  const byStatus = await db.recording.groupBy({
    by: ["status"],
    where: { status: { in: [...STORAGE_STATUSES] }, fileKey: { not: null } },
    _count: { _all: true },
    _sum: { sizeBytes: true },
  });
  const analysis = await db.recordingAnalysis.count({ where: { status: { in: ["pending", "running"] } } });
  const deleting = await db.recording.aggregate({
    where: { status: "DELETING" },
    _count: { _all: true },
    _min: { deleteRequestedAt: true },
  });
  const retrying = await db.recording.count({ where: { status: "DELETING", deleteAttempts: { gt: 0 } } });
  const usage = await monthUsage(db, now);
  const queues = await jobQueueDepths(db);
  return { byStatus, analysis, deleting, usage, retrying, queues };
}

/**
 * Sets the gauges that describe the whole deployment from the database (and whether S3 answers),
 * just before a scrape, so every instance reports the same values.
 */
export async function refreshDatabaseGauges(db: Db, storage: Storage, now: Date) {
  const [database, s3Up] = await Promise.all([
    readDatabase(db, now).catch(() => null),
    storage.assertReachable().then(
      () => 1,
      () => 0,
    ),
  ]);
  gauges.s3Up.set(s3Up);
  gauges.costThreshold.set(env.COST_ALERT_MONTHLY_DOLLARS);
  gauges.databaseUp.set(database ? 1 : 0);
  for (const g of [gauges.storageBytes, gauges.storageObjects, gauges.queueDepth, gauges.monthlyCost]) g.reset();
  if (!database) return;

  for (const status of STORAGE_STATUSES) {
    const row = database.byStatus.find((entry) => entry.status === status);
    gauges.storageBytes.set({ status }, row?._sum.sizeBytes ?? 0);
    gauges.storageObjects.set({ status }, row?._count._all ?? 0);
  }
  gauges.queueDepth.set({ queue: "analysis" }, database.analysis);
  for (const queue of QUEUE_NAMES) {
    const depth = database.queues.find((row) => row.queue === queue);
    gauges.queueDepth.set({ queue }, (depth?.waiting ?? 0) + (depth?.active ?? 0));
  }
  gauges.deletionsWaiting.set(database.retrying);
  const oldest = database.deleting._min.deleteRequestedAt;
  gauges.oldestDeletion.set(oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0);
  gauges.monthlyCost.set(estimateMonth(database.usage, pricesFromEnv()).projected);
}
