import "server-only";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import type { RecordingStatus } from "../generated/prisma/enums";
import { VISIBLE_STATUSES } from "../recordings/view";

/**
 * The one authorization rule for everything a user owns: the owner may do anything; a coach
 * linked to the owner may list, view, play, comment and mark reviewed; nobody else may learn that
 * the thing exists (NOT_FOUND, exactly as if the id did not exist).
 */
export type Relationship = "owner" | "coach";
export type Role = "student" | "coach" | "admin";

export interface Viewer {
  id: string;
}

/** What a stored role means here: anything but "coach" or "admin" is a student. */
export function roleOf(stored: string | null | undefined): Role {
  return stored === "coach" || stored === "admin" ? stored : "student";
}

const ONLY_THE_OWNER = "Only the owner can change this recording.";
const ONLY_COACHES = "Only coaches can do this.";
const ONLY_THE_COACH = "Only the student's coach can mark a recording reviewed.";

async function relationshipTo(db: Db, viewer: Viewer, ownerId: string): Promise<Relationship | null> {
  if (viewer.id === ownerId) return "owner";
  const link = await db.coachStudent.findUnique({
    where: { coachId_studentId: { coachId: viewer.id, studentId: ownerId } },
    select: { id: true },
  });
  return link ? "coach" : null;
}

/**
 * The person whose recordings the viewer asks about as a whole (history, progress): themselves
 * unless named, else a student they coach; anyone else is NOT_FOUND.
 */
export async function viewableOwner(db: Db, viewer: Viewer, ownerId = viewer.id) {
  if (!(await relationshipTo(db, viewer, ownerId))) throw notFound("Student");
  return ownerId;
}

/** Who may do what to a recording. "delete" is "manage" made idempotent for the owner (below). */
export type RecordingAction = "view" | "manage" | "delete" | "review";

const ALLOWED: Record<RecordingAction, readonly Relationship[]> = {
  view: ["owner", "coach"],
  manage: ["owner"],
  delete: ["owner"],
  review: ["coach"],
};

const REFUSALS: Record<RecordingAction, string> = {
  view: "",
  manage: ONLY_THE_OWNER,
  delete: ONLY_THE_OWNER,
  review: ONLY_THE_COACH,
};

export function can(relationship: Relationship, action: RecordingAction): boolean {
  return ALLOWED[action].includes(relationship);
}

/**
 * Whether the viewer may do `action` to a recording (null when there is no such recording).
 * Returns the viewer's relationship to it; throws NOT_FOUND for outsiders and for recordings being
 * deleted, FORBIDDEN when a linked coach (who may know it exists) asks for what is not theirs.
 * Deleting is idempotent for the owner even once the recording has left every list.
 */
export async function authorizeRecording(
  db: Db,
  viewer: Viewer,
  recording: { ownerId: string; status: RecordingStatus } | null,
  action: RecordingAction,
  what = "Recording",
): Promise<Relationship> {
  if (recording && action === "delete" && recording.ownerId === viewer.id) return "owner";
  const visible = recording !== null && VISIBLE_STATUSES.includes(recording.status);
  const relationship = visible ? await relationshipTo(db, viewer, recording.ownerId) : null;
  if (!relationship) throw notFound(what);
  if (!can(relationship, action)) throw new AppError("FORBIDDEN", REFUSALS[action]);
  return relationship;
}

/** Coach-only actions (invites): the role, not a relationship, decides. */
export function authorizeRole(viewer: { role: Role }, role: Role) {
  if (viewer.role !== role) throw new AppError("FORBIDDEN", ONLY_COACHES);
}

/** The operators' pages and procedures: to anyone but an admin they do not exist. */
export function authorizeAdmin(viewer: { role: Role }) {
  if (viewer.role !== "admin") throw notFound("Page");
}
