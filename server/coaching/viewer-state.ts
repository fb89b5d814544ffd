import "server-only";
import type { Db } from "../db/client";

/** For each of the given recordings, how many comments by others the user has not read. */
async function unreadCommentCounts(db: Db, userId: string, recordingIds: string[]) {
  if (recordingIds.length === 0) return new Map<string, number>();
  const rows = await db.$queryRaw<{ recordingId: string; unread: bigint }[]>`
    select c."recordingId", count(*) as unread
    from comment c
    left join comment_read_mark m on m."recordingId" = c."recordingId" and m."userId" = ${userId}
    where c."recordingId" = any(${recordingIds}::uuid[])
      and c."authorId" <> ${userId}
      and (m."readAt" is null or c."createdAt" > m."readAt")
    group by c."recordingId"`;
  return new Map(rows.map((row) => [row.recordingId, Number(row.unread)]));
}

/** When this coach marked each of the recordings reviewed (absent: not reviewed). */
async function reviewedAtFor(db: Db, coachId: string, recordingIds: string[]) {
  const reviews = await db.recordingReview.findMany({
    where: { coachId, recordingId: { in: recordingIds } },
    select: { recordingId: true, reviewedAt: true },
  });
  return new Map(reviews.map((review) => [review.recordingId, review.reviewedAt]));
}

/**
 * Adds what depends on who is looking: comments by others this viewer has not read, and when this
 * viewer (as a coach) marked the recording reviewed.
 */
export async function withViewerState<T extends { id: string }>(db: Db, viewerId: string, items: T[]) {
  const ids = items.map((item) => item.id);
  const [unread, reviewed] = await Promise.all([
    unreadCommentCounts(db, viewerId, ids),
    reviewedAtFor(db, viewerId, ids),
  ]);
  return items.map((item) => ({
    ...item,
    unreadComments: unread.get(item.id) ?? 0,
    reviewedAt: reviewed.get(item.id) ?? null,
  }));
}
