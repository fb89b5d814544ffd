"use client";
import { useState } from "react";

/** A finished take: hear it, give it a title, then upload or discard it. */
export function TakeReview({ url, onUpload, onDiscard }: { url: string; onUpload: (title: string | undefined) => void; onDiscard: () => void }) {
  const [title, setTitle] = useState("");
  return (
    <div className="space-y-3">
      <audio controls src={url} aria-label="Preview of your recording" className="w-full" />
      <label className="block text-sm">
        <span className="font-medium">Title (optional)</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      <div className="flex gap-2">
        <button type="button" onClick={() => onUpload(title.trim() || undefined)} className="rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700">
          Upload recording
        </button>
        <button type="button" onClick={onDiscard} className="rounded border border-slate-300 px-4 py-2 text-sm">
          Discard
        </button>
      </div>
    </div>
  );
}
