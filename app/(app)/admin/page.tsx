import { notFound } from "next/navigation";
import { requireSession } from "@/app/_auth/session";
import { AdminScreen } from "@/app/_components/admin/admin-screen";

export const metadata = { title: "Admin · Speech Coach" };

export default async function AdminPage() {
  const { user } = await requireSession();
  if (user.role !== "admin") notFound();
  return <AdminScreen />;
}
