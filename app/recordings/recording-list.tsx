"use client";
import { api } from "../_trpc/client";

export function RecordingList() {
  const list = api.recording.list.useQuery({ limit: 50 });
  if (list.isPending) return <p>Loading…</p>;
  if (list.isError) return <p role="alert">Could not load your recordings: {list.error.message}</p>;
  if (list.data.items.length === 0) return <p>No recordings yet.</p>;
  return (
    <ul aria-label="Recordings" className="divide-y rounded border bg-white">
      {list.data.items.map((recording) => (
        <li key={recording.id} className="px-4 py-3">
          <span className="font-medium">{recording.title}</span>{" "}
          <span className="text-sm text-slate-600">{recording.status.toLowerCase()}</span>
        </li>
      ))}
    </ul>
  );
}
