"use client";
import Link from "next/link";
import { useState } from "react";
import { formatDate } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";
import { formatBytes } from "@/lib/format";

export function RecentlyDeletedScreen() {
  const utils = api.useUtils();
  const trash = api.recording.recentlyDeleted.useQuery();
  const usage = api.recording.usage.useQuery();
  const restore = api.recording.restore.useMutation();
  const deleteForever = api.recording.deleteForever.useMutation();
  const [error, setError] = useState<string | null>(null);

  async function act(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Something went wrong. Try again.");
    }
    await Promise.all([utils.recording.recentlyDeleted.invalidate(), utils.recording.list.invalidate(), utils.recording.usage.invalidate()]);
  }

  const items = trash.data?.items ?? [];
  return (
    <section aria-labelledby="deleted-heading">
      <Link href="/recordings" className="text-sm text-blue-700 underline">
        Back to history
      </Link>
      <h1 id="deleted-heading" className="mt-2 text-2xl font-semibold">
        Recently deleted
      </h1>
      {trash.data && (
        <p className="mt-2 text-sm text-slate-700">
          Deleted recordings stay here for {trash.data.retentionDays} days, then they are removed for good. Until then
          they still count toward your storage
          {usage.data && usage.data.recentlyDeletedBytes > 0 && ` (${formatBytes(usage.data.recentlyDeletedBytes)} right now)`}.
        </p>
      )}
      {error && (
        <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {trash.isPending ? (
        <p className="mt-6 text-slate-600">Loading…</p>
      ) : trash.isError ? (
        <p role="alert" className="mt-6 text-red-800">
          Could not load recently deleted recordings: {trash.error.message}
        </p>
      ) : items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">Nothing here.</p>
      ) : (
        <ul aria-label="Recently deleted recordings" className="mt-6 space-y-3">
          {items.map((recording) => (
            <li key={recording.id} aria-label={recording.title} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-medium">{recording.title}</p>
              <p className="text-sm text-slate-600">
                Deleted {formatDate(recording.trashedAt)} · removed for good on {formatDate(recording.purgeAt)}
                {recording.sizeBytes != null && ` · ${formatBytes(recording.sizeBytes)}`}
              </p>
              <div className="mt-3 flex gap-2">
                <button
                  type="button"
                  onClick={() => void act(() => restore.mutateAsync({ recordingId: recording.id }))}
                  className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white"
                >
                  Restore
                </button>
                <button
                  type="button"
                  onClick={() => void act(() => deleteForever.mutateAsync({ recordingId: recording.id }))}
                  className="rounded border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700"
                >
                  Delete forever
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
