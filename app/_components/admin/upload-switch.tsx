"use client";
import { formatDate } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";

/** The rollback switch: whether uploads are on, and pausing or resuming them for everyone. */
export function UploadSwitch() {
  const utils = api.useUtils();
  const state = api.admin.uploadSwitch.useQuery();
  const change = api.admin.setUploadsPaused.useMutation({ onSuccess: () => void utils.admin.uploadSwitch.invalidate() });
  if (!state.data) return <p aria-busy="true">Loading the upload switch…</p>;
  const { paused, enabledByEnvironment, changedAt } = state.data;
  const on = enabledByEnvironment && !paused;
  return (
    <section aria-labelledby="uploads-switch-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="uploads-switch-heading" className="text-lg font-semibold">
        Uploads
      </h2>
      <p role="status" className="mt-1">
        Uploads are <strong>{on ? "on" : "paused"}</strong>
        {!enabledByEnvironment && " (AUDIO_UPLOADS_ENABLED=false forces them off on this deployment)"}
        {paused && changedAt && ` since ${formatDate(changedAt)}`}.
      </p>
      <button
        type="button"
        disabled={change.isPending}
        onClick={() => change.mutate({ paused: !paused })}
        className={`mt-3 rounded px-4 py-2 text-sm font-medium text-white ${paused ? "bg-green-700" : "bg-red-700"}`}
      >
        {paused ? "Resume uploads" : "Pause uploads"}
      </button>
      {change.error && <p role="alert" className="mt-2 text-red-800">{change.error.message}</p>}
    </section>
  );
}
