import { auth } from "../server/auth/auth";
import { db } from "../server/db/client";
import { grantAdmin } from "../server/operations/admins";
import { seedDemoRecordings } from "./seed-recordings";

export const DEMO_ACCOUNTS = {
  coach: { name: "Casey Coach", email: "coach@example.com", password: "speechcoach-demo", role: "coach" },
  student: { name: "Sam Student", email: "student@example.com", password: "speechcoach-demo", role: "student" },
} as const;

// Signs up as a student (sign-up never grants admin), then is made an admin.
const DEMO_ADMIN = { name: "Ada Admin", email: "admin@example.com", password: "speechcoach-demo", role: "student" } as const;

/** Creates the demo coach and student, linked, unless they exist; prints how to sign in. */
export async function seedDemoAccounts() {
  const ids: Record<string, string> = {};
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    ids[account.role] =
      existing?.id ??
      (await auth.api.signUpEmail({
        body: { name: account.name, email: account.email, password: account.password, role: account.role },
      })).user.id;
  }
  if (!(await db.user.findUnique({ where: { email: DEMO_ADMIN.email }, select: { id: true } }))) {
    await auth.api.signUpEmail({ body: DEMO_ADMIN });
  }
  await grantAdmin(db, DEMO_ADMIN.email);
  await db.coachStudent.upsert({
    where: { coachId_studentId: { coachId: ids.coach!, studentId: ids.student! } },
    create: { coachId: ids.coach!, studentId: ids.student! },
    update: {},
  });
  console.log(`Demo accounts (password for all: ${DEMO_ACCOUNTS.coach.password}):`);
  console.log(`  coach:   ${DEMO_ACCOUNTS.coach.email}`);
  console.log(`  student: ${DEMO_ACCOUNTS.student.email} (linked to the coach)`);
  console.log(`  admin:   ${DEMO_ADMIN.email} (the /admin page)`);
  const added = await seedDemoRecordings(ids.student!);
  if (added > 0) console.log(`  ${added} demo recordings added for the student; the background worker analyses them.`);
}
