import { notFound } from "next/navigation";
import { requireSession } from "@/app/_auth/session";
import { StudentsScreen } from "@/app/_components/coaching/students-screen";

export const metadata = { title: "Students · Speech Coach" };

export default async function StudentsPage() {
  const { user } = await requireSession();
  if (user.role !== "coach") notFound();
  return <StudentsScreen />;
}
