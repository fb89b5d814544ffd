import "server-only";
import { RecordingStatus } from "../generated/prisma/enums";
import type { Services } from "../recordings/services";
import { USERS_PREFIX } from "./keys";

export interface AuditReport {
  objects: number;
  readyRecordings: number;
  /** Objects no PENDING or READY recording points at (and no deletion is under way for). */
  objectsWithoutRecording: string[];
  /** READY (or recently deleted, so restorable) recordings whose audio is missing from the bucket. */
  readyWithoutObject: string[];
  /** Objects whose recording is being deleted, or replaced originals booked for deletion: the worker removes them. */
  awaitingDeletion: number;
}

/**
 * Compares the bucket with the database: every object under the prefix (all users', or one
 * user's `users/{id}/`) must belong to a live recording and every READY recording there must have
 * its object. Reads everything, changes nothing.
 */
export async function auditStorage(
  { db, storage }: Pick<Services, "db" | "storage">,
  prefix = USERS_PREFIX,
): Promise<AuditReport> {
  const keys = new Set<string>();
  let token: string | undefined;
  do {
    const page = await storage.listPage(prefix, token);
    for (const object of page.objects) keys.add(object.key);
    token = page.nextAfter;
  } while (token);

  const rows = await db.recording.findMany({
    where: {
      fileKey: { startsWith: prefix },
      status: {
        in: [RecordingStatus.PENDING, RecordingStatus.READY, RecordingStatus.TRASHED, RecordingStatus.DELETING],
      },
    },
    select: { id: true, fileKey: true, status: true },
  });
  const scheduled = new Set(
    (await db.objectDeletion.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } })).map((row) => row.key),
  );
  const statusByKey = new Map(rows.map((row) => [row.fileKey!, row.status]));
  const objectsWithoutRecording = [...keys].filter((key) => !statusByKey.has(key) && !scheduled.has(key));
  const awaitingDeletion = [...keys].filter(
    (key) => statusByKey.get(key) === RecordingStatus.DELETING || scheduled.has(key),
  ).length;
  const ready = rows.filter((row) => row.status === RecordingStatus.READY || row.status === RecordingStatus.TRASHED);
  const readyWithoutObject = ready.filter((row) => !keys.has(row.fileKey!)).map((row) => row.id);

  return {
    objects: keys.size,
    readyRecordings: ready.length,
    objectsWithoutRecording,
    readyWithoutObject,
    awaitingDeletion,
  };
}

export function auditIsClean(report: AuditReport) {
  return report.objectsWithoutRecording.length === 0 && report.readyWithoutObject.length === 0;
}
