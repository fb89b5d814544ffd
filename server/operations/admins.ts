import "server-only";
import type { Db } from "../db/client";

/** Makes the account with this e-mail an admin; false when there is no such account. */
export async function grantAdmin(db: Db, email: string) {
  const { count } = await db.user.updateMany({
    where: { email: email.trim().toLowerCase() },
    data: { role: "admin" },
  });
  return count > 0;
}
