import type { Db } from "../db/client";

/** The students linked to a coach, alphabetically. */
export async function listStudents(db: Db, coachId: string) {
  const links = await db.coachStudent.findMany({
    where: { coachId },
    select: { student: { select: { id: true, name: true, email: true } } },
    orderBy: { student: { name: "asc" } },
  });
  return links.map((link) => link.student);
}
