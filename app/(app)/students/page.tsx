import { notFound } from "next/navigation";
import { requireSession } from "@/app/_auth/session";
import { StudentsScreen } from "@/app/_components/coaching/students-screen";
import { api, HydrateClient } from "@/app/_trpc/server";

export const metadata = { title: "Students · Speech Coach" };

export default async function StudentsPage() {
  const { user } = await requireSession();
  if (user.role !== "coach") notFound();
  await Promise.all([api.coach.students.prefetch(), api.coach.invites.prefetch()]);
  return (
    <HydrateClient>
      <StudentsScreen />
    </HydrateClient>
  );
}
