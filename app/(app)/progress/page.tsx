import { Suspense } from "react";
import { requireSession } from "@/app/_auth/session";
import { ProgressScreen } from "@/app/_components/progress/progress-screen";

export const metadata = { title: "Progress · Speech Coach" };

export default async function ProgressPage() {
  const { user } = await requireSession();
  return (
    <Suspense>
      <ProgressScreen isCoach={user.role === "coach"} />
    </Suspense>
  );
}
