import { notFound } from "next/navigation";
import { ResultsScreen } from "@/app/_components/recordings/results-screen";
import { api, HydrateClient, notFoundIfAnyMissing } from "@/app/_trpc/server";

export const metadata = { title: "Recording · Speech Coach" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function RecordingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  await Promise.all([
    api.recording.byId.prefetch({ recordingId: id }),
    api.comment.list.prefetch({ recordingId: id }),
    api.recording.analysis.prefetch({ recordingId: id }),
  ]);
  notFoundIfAnyMissing();
  return (
    <HydrateClient>
      <ResultsScreen recordingId={id} />
    </HydrateClient>
  );
}
