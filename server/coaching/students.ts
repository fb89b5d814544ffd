import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { RecordingStatus } from "../generated/prisma/enums";
import { VISIBLE_STATUSES } from "../recordings/view";

/**
 * The coach's students, alphabetically, each with how many recordings they have, when the latest
 * was made, and how many ready ones this coach has not marked reviewed.
 */
export async function listStudents(db: Db, coachId: string) {
  const links = await db.coachStudent.findMany({
    where: { coachId },
    select: { createdAt: true, student: { select: { id: true, name: true, email: true } } },
    orderBy: { student: { name: "asc" } },
  });
  const studentIds = links.map((link) => link.student.id);
  const [counts, unreviewed] = await Promise.all([
    db.recording.groupBy({
      by: ["ownerId"],
      where: { ownerId: { in: studentIds }, status: { in: VISIBLE_STATUSES } },
      _count: { _all: true },
      _max: { createdAt: true },
    }),
    db.recording.groupBy({
      by: ["ownerId"],
      where: {
        ownerId: { in: studentIds },
        status: RecordingStatus.READY,
        reviews: { none: { coachId } },
      },
      _count: { _all: true },
    }),
  ]);
  const countOf = new Map(counts.map((row) => [row.ownerId, row]));
  const unreviewedOf = new Map(unreviewed.map((row) => [row.ownerId, row._count._all]));
  return links.map(({ student, createdAt }) => ({
    ...student,
    linkedAt: createdAt,
    recordingCount: countOf.get(student.id)?._count._all ?? 0,
    latestRecordingAt: countOf.get(student.id)?._max.createdAt ?? null,
    unreviewedCount: unreviewedOf.get(student.id) ?? 0,
  }));
}

/** The student's coaches, for the student to see and end links. */
export async function listCoaches(db: Db, studentId: string) {
  const links = await db.coachStudent.findMany({
    where: { studentId },
    select: { createdAt: true, coach: { select: { id: true, name: true, email: true } } },
    orderBy: { coach: { name: "asc" } },
  });
  return links.map(({ coach, createdAt }) => ({ ...coach, linkedAt: createdAt }));
}

/** Ends the link between the user and the other person, whichever side each is on. */
export async function unlink(db: Db, userId: string, otherUserId: string) {
  const { count } = await db.coachStudent.deleteMany({
    where: {
      OR: [
        { coachId: userId, studentId: otherUserId },
        { coachId: otherUserId, studentId: userId },
      ],
    },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "You are not linked to that person.");
}

export async function setReviewed(db: Db, coachId: string, recordingId: string, reviewed: boolean) {
  if (reviewed) {
    await db.recordingReview.upsert({
      where: { recordingId_coachId: { recordingId, coachId } },
      create: { recordingId, coachId },
      update: {},
    });
  } else {
    await db.recordingReview.deleteMany({ where: { recordingId, coachId } });
  }
  return { reviewed };
}
