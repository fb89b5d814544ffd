"use client";
import { useId, useRef } from "react";
import { api } from "@/app/_trpc/client";

/** A delete button that asks first, in a modal dialog. */
export function DeleteButton({ title, onConfirm }: { title: string; onConfirm: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const retentionDays = api.recording.usage.useQuery().data?.deletedRetentionDays ?? 0;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50"
        aria-label={`Delete ${title}`}
      >
        Delete
      </button>
      <dialog ref={dialog} aria-labelledby={headingId} className="m-auto rounded-lg p-6 shadow-xl backdrop:bg-black/40">
        <h2 id={headingId} className="text-lg font-semibold">
          Delete “{title}”?
        </h2>
        <p className="mt-2 text-sm text-slate-700">
          {retentionDays > 0
            ? `It moves to Recently deleted, where you can restore it for ${retentionDays} days.`
            : "The recording and its audio are removed for good."}
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 text-sm">
            Cancel
          </button>
          <button
            type="button"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
            className="rounded bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700"
          >
            Delete recording
          </button>
        </div>
      </dialog>
    </>
  );
}
