import { Suspense } from "react";
import { requireSession } from "@/app/_auth/session";
import { HistoryScreen } from "@/app/_components/recordings/history-screen";

export const metadata = { title: "History · Speech Coach" };

export default async function HistoryPage() {
  const { user } = await requireSession();
  return (
    <Suspense>
      <HistoryScreen isCoach={user.role === "coach"} />
    </Suspense>
  );
}
