import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { cleanCommentBody } from "./comment-text";

export const MAX_COMMENT_LENGTH = 2000;

export interface CommentInput {
  body: string;
  startMs: number;
  endMs?: number | null;
}

const commentSelect = {
  id: true,
  recordingId: true,
  authorId: true,
  body: true,
  startMs: true,
  endMs: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true, role: true } },
} as const;

async function validated(db: Db, recordingId: string, input: CommentInput) {
  const body = cleanCommentBody(input.body);
  if (!body) throw new AppError("BAD_REQUEST", "Write something before saving the comment.");
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new AppError("BAD_REQUEST", `A comment can be at most ${MAX_COMMENT_LENGTH} characters.`);
  }
  const endMs = input.endMs ?? null;
  if (endMs !== null && endMs <= input.startMs) {
    throw new AppError("BAD_REQUEST", "A range must end after it starts.");
  }
  const { durationMs } = await db.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { durationMs: true } });
  // A second of slack: players report positions a little past the container's stated duration.
  if (durationMs !== null && Math.max(input.startMs, endMs ?? 0) > durationMs + 1000) {
    throw new AppError("BAD_REQUEST", "The comment is pinned past the end of the recording.");
  }
  return { body, startMs: input.startMs, endMs };
}

/** Comments in time order, each saying whether the viewer wrote it and whether it is unread. */
export async function listComments(db: Db, viewerId: string, recordingId: string) {
  const [comments, mark] = await Promise.all([
    db.comment.findMany({
      where: { recordingId },
      select: commentSelect,
      orderBy: [{ startMs: "asc" }, { createdAt: "asc" }],
    }),
    db.commentReadMark.findUnique({
      where: { recordingId_userId: { recordingId, userId: viewerId } },
      select: { readAt: true },
    }),
  ]);
  return comments.map(({ author, ...comment }) => ({
    ...comment,
    authorName: author.name,
    authorRole: author.role,
    mine: comment.authorId === viewerId,
    unread: comment.authorId !== viewerId && (!mark || comment.createdAt > mark.readAt),
  }));
}

export async function addComment(db: Db, authorId: string, recordingId: string, input: CommentInput) {
  const data = await validated(db, recordingId, input);
  return db.comment.create({ data: { ...data, recordingId, authorId }, select: { id: true } });
}

/** The comment, if the viewer may see its recording; callers check authorship. */
export function findComment(db: Db, commentId: string) {
  return db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, authorId: true, recordingId: true, recording: { select: { ownerId: true, status: true } } },
  });
}

export async function updateComment(db: Db, commentId: string, recordingId: string, input: CommentInput) {
  const data = await validated(db, recordingId, input);
  return db.comment.update({ where: { id: commentId }, data, select: { id: true } });
}

export async function deleteComment(db: Db, commentId: string) {
  await db.comment.delete({ where: { id: commentId } });
}

export async function markCommentsRead(db: Db, userId: string, recordingId: string, now: Date) {
  await db.commentReadMark.upsert({
    where: { recordingId_userId: { recordingId, userId } },
    create: { recordingId, userId, readAt: now },
    update: { readAt: now },
  });
}
