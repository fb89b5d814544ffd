import type { Db } from "../db/client";
import { notFound } from "../errors";

/**
 * The one authorization rule for everything a user owns: the owner may do anything; a coach
 * linked to the owner may list, view and play; nobody else may learn that the thing exists.
 */
export type Relationship = "owner" | "coach";

export interface Viewer {
  id: string;
}

export async function relationshipTo(
  db: Db,
  viewer: Viewer,
  ownerId: string,
): Promise<Relationship | null> {
  if (viewer.id === ownerId) return "owner";
  const link = await db.coachStudent.findUnique({
    where: { coachId_studentId: { coachId: viewer.id, studentId: ownerId } },
    select: { id: true },
  });
  return link ? "coach" : null;
}

export const can = {
  view: (relationship: Relationship | null) => relationship !== null,
  manage: (relationship: Relationship | null) => relationship === "owner",
};

/** The person whose recordings the viewer asks about (themselves unless named), or NOT_FOUND. */
export async function viewableOwner(db: Db, viewer: Viewer, ownerId = viewer.id) {
  if (!can.view(await relationshipTo(db, viewer, ownerId))) throw notFound("Student");
  return ownerId;
}
