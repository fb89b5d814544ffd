import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function createInvite(
  db: Db,
  coachId: string,
  options: { reusable: boolean; expiresInDays: number },
  now: Date,
) {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + options.expiresInDays * 24 * 3600 * 1000);
  const invite = await db.coachInvite.create({
    data: { tokenHash: hash(token), coachId, reusable: options.reusable, expiresAt },
    select: { id: true },
  });
  return { id: invite.id, token, reusable: options.reusable, expiresAt };
}

export async function listInvites(db: Db, coachId: string, now: Date) {
  const invites = await db.coachInvite.findMany({
    where: { coachId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, reusable: true, expiresAt: true, acceptedCount: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  return invites.filter((invite) => invite.reusable || invite.acceptedCount === 0);
}

export async function revokeInvite(db: Db, coachId: string, inviteId: string, now: Date) {
  const { count } = await db.coachInvite.updateMany({
    where: { id: inviteId, coachId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Invite not found.");
}

type InviteState = "valid" | "expired" | "used" | "revoked";

async function findInvite(db: Db, token: string, now: Date) {
  const invite = await db.coachInvite.findUnique({
    where: { tokenHash: hash(token) },
    select: {
      id: true,
      coachId: true,
      reusable: true,
      expiresAt: true,
      acceptedCount: true,
      revokedAt: true,
      coach: { select: { name: true } },
    },
  });
  if (!invite) return null;
  const state: InviteState = invite.revokedAt
    ? "revoked"
    : invite.expiresAt <= now
      ? "expired"
      : !invite.reusable && invite.acceptedCount > 0
        ? "used"
        : "valid";
  return { ...invite, state };
}

const UNUSABLE: Record<Exclude<InviteState, "valid">, string> = {
  expired: "This invite has expired. Ask your coach for a new link.",
  used: "This invite has already been used. Ask your coach for a new link.",
  revoked: "This invite was withdrawn by the coach. Ask your coach for a new link.",
};

const NO_SUCH_INVITE = "This invite link is not valid. Check that you copied all of it.";

/** What the invite page shows before the person signs in. */
export async function describeInvite(db: Db, token: string, now: Date) {
  const invite = await findInvite(db, token, now);
  if (!invite) throw new AppError("NOT_FOUND", NO_SUCH_INVITE);
  return {
    coachName: invite.coach.name,
    usable: invite.state === "valid",
    problem: invite.state === "valid" ? null : UNUSABLE[invite.state],
  };
}

/** Links the signed-in user to the inviting coach. A single-use invite admits exactly one person. */
export async function acceptInvite(db: Db, studentId: string, token: string, now: Date) {
  const invite = await findInvite(db, token, now);
  if (!invite) throw new AppError("NOT_FOUND", NO_SUCH_INVITE);
  if (invite.state !== "valid") throw new AppError("PRECONDITION_FAILED", UNUSABLE[invite.state]);
  if (invite.coachId === studentId) {
    throw new AppError("BAD_REQUEST", "This is your own invite: share it with a student instead.");
  }
  return db.$transaction(async (tx) => {
    // The condition makes a race for a single-use invite admit one person only.
    const { count } = await tx.coachInvite.updateMany({
      where: { id: invite.id, revokedAt: null, ...(invite.reusable ? {} : { acceptedCount: 0 }) },
      data: { acceptedCount: { increment: 1 } },
    });
    if (count === 0) throw new AppError("PRECONDITION_FAILED", UNUSABLE.used);
    await tx.coachStudent.upsert({
      where: { coachId_studentId: { coachId: invite.coachId, studentId } },
      create: { coachId: invite.coachId, studentId },
      update: {},
    });
    return { coachId: invite.coachId, coachName: invite.coach.name };
  });
}
