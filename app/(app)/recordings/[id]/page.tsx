import { notFound } from "next/navigation";
import { ResultsScreen } from "@/app/_components/recordings/results-screen";
import { orNotFound, serverCaller } from "@/app/_trpc/server";

export const metadata = { title: "Recording · Speech Coach" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function RecordingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const caller = await serverCaller();
  const recording = await orNotFound(caller.recording.byId({ recordingId: id }));
  const owner = recording.viewerIsCoach
    ? (await caller.coach.students()).find((student) => student.id === recording.ownerId)
    : undefined;
  return <ResultsScreen initial={recording} ownerName={owner?.name ?? null} />;
}
