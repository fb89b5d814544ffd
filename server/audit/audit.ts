import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { logger } from "../log";

/** Everything the audit trail records; a fixed list, so the admin filter can offer it. */
export const AUDIT_EVENTS = [
  "recording.played",
  "recording.deleted",
  "recording.restored",
  "comment.added",
  "coach.linked",
  "coach.unlinked",
  "invite.created",
  "invite.accepted",
  "auth.sign_in_failed",
  "rate_limit.refused",
  "uploads.paused",
  "uploads.resumed",
] as const;

type AuditEventName = (typeof AUDIT_EVENTS)[number];

interface AuditEntry {
  event: AuditEventName;
  actorId?: string | null;
  subjectUserId?: string | null;
  recordingId?: string | null;
  clientAddress?: string | null;
  detail?: Prisma.InputJsonValue;
}

/**
 * Appends one event. A failure to write is logged, not thrown: the trail must not take the
 * action it describes down with it (the database being away already fails that action anyway).
 */
export async function recordAudit(db: Db, entry: AuditEntry) {
  try {
    await db.auditEvent.create({ data: entry, select: { id: true } });
  } catch (error) {
    logger.error({ err: error, event: entry.event }, "could not write an audit event");
  }
}

/**
 * The address a request came from: the last X-Forwarded-For entry, which the load balancer in
 * front of the app appended (earlier entries are whatever the client claimed), else X-Real-IP.
 */
export function clientAddressOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || null)?.slice(0, 64) ?? null;
}

interface Actor {
  services: { db: Db };
  user: { id: string } | null;
  clientAddress: string | null;
}

/** An event done by the signed-in user of a request, from where they are. */
export function auditAction(ctx: Actor, entry: Omit<AuditEntry, "actorId" | "clientAddress">) {
  return recordAudit(ctx.services.db, { ...entry, actorId: ctx.user?.id ?? null, clientAddress: ctx.clientAddress });
}
