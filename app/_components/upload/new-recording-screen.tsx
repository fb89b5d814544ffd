"use client";
import { Recorder } from "../recorder/recorder";
import { UploadPanel } from "./upload-panel";
import { useUploadQueue } from "./use-upload-queue";

export function NewRecordingScreen({ maxUploadBytes }: { maxUploadBytes: number }) {
  const queue = useUploadQueue(maxUploadBytes);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">New recording</h1>
      <Recorder onUpload={(source) => queue.add([source])} />
      <UploadPanel items={queue.items} onFiles={queue.add} onCancel={queue.cancel} />
    </div>
  );
}
