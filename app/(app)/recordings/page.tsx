import { Suspense } from "react";
import { requireSession } from "@/app/_auth/session";
import { historyInput } from "@/app/_components/recordings/history-input";
import { HistoryScreen } from "@/app/_components/recordings/history-screen";
import { api, HydrateClient } from "@/app/_trpc/server";

export const metadata = { title: "History · Speech Coach" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ student?: string | string[] }> }) {
  const { user } = await requireSession();
  const { student } = await searchParams;
  const isCoach = user.role === "coach";
  await Promise.all([
    api.recording.list.prefetchInfinite(historyInput(typeof student === "string" ? student : undefined)),
    isCoach && api.coach.students.prefetch(),
  ]);
  return (
    <HydrateClient>
      <Suspense>
        <HistoryScreen isCoach={isCoach} />
      </Suspense>
    </HydrateClient>
  );
}
