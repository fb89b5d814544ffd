"use client";
import { useState } from "react";
import { formatClock } from "@/app/_lib/time";
import type { UploadSource } from "../upload/use-upload-queue";
import { DEFAULT_QUALITY, extensionFor, RECORDING_QUALITIES, type RecordingQuality } from "./recorder-support";
import { TakeReview } from "./take-review";
import { useMicrophoneRecording } from "./use-microphone-recording";

/** Records from the microphone, shows time and input level, then offers the take for upload. */
export function Recorder({ onUpload }: { onUpload: (source: UploadSource) => void }) {
  const [quality, setQuality] = useState<RecordingQuality>(DEFAULT_QUALITY);
  const { phase, elapsed, level, start, stop, discard } = useMicrophoneRecording(RECORDING_QUALITIES[quality].bitsPerSecond);

  function upload(blob: Blob, title: string | undefined) {
    const name = `Recording ${new Date().toLocaleString("en")}.${extensionFor(blob.type)}`;
    onUpload({ blob, name, type: blob.type, title });
    discard();
  }

  return (
    <section aria-labelledby="record-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="record-heading" className="text-lg font-semibold">
        Record with your microphone
      </h2>
      {phase.name === "recording" ? (
        <div className="flex flex-wrap items-center gap-4">
          <span className="flex items-center gap-2 font-medium text-red-700">
            <span className="h-3 w-3 animate-pulse rounded-full bg-red-600" aria-hidden /> Recording
          </span>
          <span aria-label="Elapsed time" className="tabular-nums">
            {formatClock(elapsed)}
          </span>
          <meter aria-label="Input level" min={0} max={1} value={level} className="h-3 w-40" />
          <button type="button" onClick={stop} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white">
            Stop recording
          </button>
        </div>
      ) : phase.name === "review" ? (
        <TakeReview url={phase.url} onUpload={(title) => upload(phase.blob, title)} onDiscard={discard} />
      ) : (
        <div className="space-y-2">
          <label className="block text-sm">
            <span className="mr-2 font-medium">Quality</span>
            <select
              value={quality}
              onChange={(event) => setQuality(event.target.value as RecordingQuality)}
              className="rounded border border-slate-300 px-2 py-1"
            >
              {Object.entries(RECORDING_QUALITIES).map(([value, { label, bitsPerSecond }]) => (
                <option key={value} value={value}>
                  {label}, {bitsPerSecond / 1000} kb/s
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void start()} className="rounded bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700">
            Start recording
          </button>
          {phase.name === "error" && (
            <p role="alert" className="text-sm text-red-800">
              {phase.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
