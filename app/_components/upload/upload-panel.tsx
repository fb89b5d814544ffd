"use client";
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { ACCEPT_ATTRIBUTE } from "@/app/_lib/upload/checks";
import { formatBytes } from "@/lib/format";
import type { UploadItem, UploadSource } from "./use-upload-queue";

const STATUS_TEXT: Record<UploadItem["status"], string> = {
  queued: "Waiting…",
  uploading: "Uploading",
  retrying: "Retrying",
  finalizing: "Finalizing…",
  done: "Ready",
  failed: "Failed",
  cancelled: "Cancelled",
};

export function UploadPanel({
  items,
  onFiles,
  onCancel,
}: {
  items: UploadItem[];
  onFiles: (files: UploadSource[]) => void;
  onCancel: (id: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const take = (files: FileList | null) => {
    if (!files?.length) return;
    onFiles([...files].map((file) => ({ blob: file, name: file.name, type: file.type })));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby="upload-heading" className="space-y-4">
      <h2 id="upload-heading" className="text-lg font-semibold">
        Upload audio files
      </h2>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-8 text-center ${dragging ? "border-blue-500 bg-blue-50" : "border-slate-300 bg-white"}`}
      >
        <p className="text-slate-700">Drag audio files here, or</p>
        <label className="mt-2 inline-block cursor-pointer rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white focus-within:outline-2 hover:bg-blue-700">
          Choose files
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            className="sr-only"
            aria-label="Choose audio files to upload"
            onChange={(event) => {
              take(event.target.files);
              event.target.value = "";
            }}
          />
        </label>
        <p className="mt-2 text-xs text-slate-600">m4a, mp3, wav, webm, ogg or flac, up to the size limit.</p>
      </div>
      {items.length > 0 && (
        <ul aria-label="Uploads" className="space-y-2">
          {items.map((item) => (
            <li key={item.id} aria-label={`Upload of ${item.name}`} className="rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="min-w-0 truncate font-medium">{item.name}</span>
                <span className="text-sm text-slate-600">
                  {formatBytes(item.size)} · <span data-testid="upload-status">{STATUS_TEXT[item.status]}</span>
                </span>
              </div>
              {["uploading", "retrying", "finalizing"].includes(item.status) && (
                <div className="mt-2 flex items-center gap-3">
                  <progress
                    aria-label={`Upload progress for ${item.name}`}
                    max={1}
                    value={item.status === "finalizing" ? undefined : item.progress}
                    className="h-2 flex-1"
                  />
                  {item.status !== "finalizing" && (
                    <button type="button" onClick={() => onCancel(item.id)} className="text-sm text-slate-700 underline">
                      Cancel<span className="sr-only"> upload of {item.name}</span>
                    </button>
                  )}
                </div>
              )}
              {item.status === "queued" && (
                <button type="button" onClick={() => onCancel(item.id)} className="mt-1 text-sm text-slate-700 underline">
                  Cancel<span className="sr-only"> upload of {item.name}</span>
                </button>
              )}
              {item.message && (
                <p role={item.status === "failed" ? "alert" : undefined} className={`mt-1 text-sm ${item.status === "failed" ? "text-red-800" : "text-slate-700"}`}>
                  {item.message}
                </p>
              )}
              {item.status === "done" && item.recordingId && (
                <Link href={`/recordings/${item.recordingId}`} className="mt-1 inline-block text-sm font-medium text-blue-700 underline">
                  Open results for {item.name}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
