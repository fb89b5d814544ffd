"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { getErrorMessage } from "@/app/_lib/errors";
import { api } from "@/app/_trpc/client";
import { StudentPicker } from "../coaching/student-picker";
import { historyInput } from "./history-input";
import { RecordingCard } from "./recording-card";

function Skeletons() {
  return (
    <ul aria-label="Loading recordings" aria-busy="true" className="space-y-3">
      {[0, 1, 2].map((i) => (
        <li key={i} className="h-24 animate-pulse rounded-lg bg-slate-200" />
      ))}
    </ul>
  );
}

export function HistoryScreen({ isCoach }: { isCoach: boolean }) {
  const studentId = useSearchParams().get("student") ?? undefined;
  const utils = api.useUtils();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const students = api.coach.students.useQuery(undefined, { enabled: isCoach });
  const input = historyInput(studentId);
  const list = api.recording.list.useInfiniteQuery(input, { getNextPageParam: (page) => page.nextCursor });
  const remove = api.recording.delete.useMutation();
  const sentinel = useRef<HTMLDivElement>(null);

  // More recordings load as the end of the list scrolls into view.
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [list]);

  async function deleteRecording(recordingId: string) {
    setDeleteError(null);
    const before = utils.recording.list.getInfiniteData(input);
    utils.recording.list.setInfiniteData(input, (data) =>
      data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== recordingId) })) },
    );
    try {
      await remove.mutateAsync({ recordingId });
      void utils.recording.usage.invalidate();
    } catch (error) {
      utils.recording.list.setInfiniteData(input, before);
      setDeleteError(`Could not delete the recording: ${getErrorMessage(error)}`);
    }
  }

  const viewing = students.data?.find((student) => student.id === studentId);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="history-heading">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <h1 id="history-heading" className="text-2xl font-semibold">
          {viewing ? `${viewing.name}'s recordings` : "Your recordings"}
        </h1>
        {isCoach && (students.data?.length ?? 0) > 0 && (
          <StudentPicker label="Show recordings of" path="/recordings" studentId={studentId} students={students.data ?? []} className="text-sm" />
        )}
        {!viewing && (
          <Link href="/recordings/deleted" className="text-sm text-blue-700 underline">
            Recently deleted
          </Link>
        )}
      </div>
      {viewing && <p className="mb-4 text-sm text-slate-600">You are viewing a student&apos;s recordings: read-only.</p>}
      {deleteError && (
        <p role="alert" className="mb-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {deleteError}
        </p>
      )}
      {list.isPending ? (
        <Skeletons />
      ) : list.isError ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4">
          <p className="text-red-800">Could not load the recordings: {getErrorMessage(list.error)}</p>
          <button type="button" onClick={() => void list.refetch()} className="mt-2 rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white">
            Try again
          </button>
        </div>
      ) : items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">No recordings yet.</p>
          {!viewing && (
            <Link href="/recordings/new" className="mt-3 inline-block rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white">
              Make your first recording
            </Link>
          )}
        </div>
      ) : (
        <>
          <ul aria-label="Recordings" className="space-y-3">
            {items.map((recording) => (
              <li key={recording.id}>
                <RecordingCard
                  recording={recording}
                  coachView={Boolean(viewing)}
                  onDelete={viewing ? undefined : () => void deleteRecording(recording.id)}
                />
              </li>
            ))}
          </ul>
          <div ref={sentinel} className="h-1" />
          {list.hasNextPage && (
            <button
              type="button"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
              className="mt-4 w-full rounded border border-slate-300 bg-white py-2 text-sm font-medium hover:bg-slate-50"
            >
              {list.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          )}
        </>
      )}
    </section>
  );
}
