"use client";
import { useEffect, useRef, useState } from "react";
import { formatClock } from "@/app/_lib/time";
import type { UploadSource } from "../upload/use-upload-queue";
import {
  DEFAULT_QUALITY,
  explainMicrophoneError,
  extensionFor,
  pickRecordingType,
  RECORDING_QUALITIES,
  type RecordingQuality,
} from "./recorder-support";

type Phase = { name: "idle" } | { name: "recording" } | { name: "review"; blob: Blob; url: string } | { name: "error"; message: string };

/** Records from the microphone, shows time and input level, then offers the take for upload. */
export function Recorder({ onUpload }: { onUpload: (source: UploadSource) => void }) {
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [elapsed, setElapsed] = useState(0);
  const [level, setLevel] = useState(0);
  const [title, setTitle] = useState("");
  const [quality, setQuality] = useState<RecordingQuality>(DEFAULT_QUALITY);
  const stopAll = useRef<() => void>(() => {});

  useEffect(() => () => stopAll.current(), []);

  async function start() {
    let stream: MediaStream;
    try {
      if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
        throw new DOMException("unsupported", "NotSupportedError");
      }
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      setPhase({ name: "error", message: explainMicrophoneError(error) });
      return;
    }
    const mimeType = pickRecordingType((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, {
      ...(mimeType && { mimeType }),
      audioBitsPerSecond: RECORDING_QUALITIES[quality].bitsPerSecond,
    });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);

    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let frame = 0;
    const measure = () => {
      analyser.getFloatTimeDomainData(samples);
      const rms = Math.sqrt(samples.reduce((sum, value) => sum + value * value, 0) / samples.length);
      setLevel(Math.min(1, rms * 4));
      frame = requestAnimationFrame(measure);
    };
    measure();
    const startedAt = Date.now();
    const timer = setInterval(() => setElapsed((Date.now() - startedAt) / 1000), 250);

    stopAll.current = () => {
      clearInterval(timer);
      cancelAnimationFrame(frame);
      if (recorder.state !== "inactive") recorder.stop();
      for (const track of stream.getTracks()) track.stop();
      void context.close();
    };
    recorder.onstop = () => {
      const blob = new Blob(chunks, { type: recorder.mimeType || mimeType || "audio/webm" });
      setPhase({ name: "review", blob, url: URL.createObjectURL(blob) });
    };
    setElapsed(0);
    recorder.start(250);
    setPhase({ name: "recording" });
  }

  function discard() {
    if (phase.name === "review") URL.revokeObjectURL(phase.url);
    setPhase({ name: "idle" });
    setTitle("");
  }

  function upload() {
    if (phase.name !== "review") return;
    const type = phase.blob.type;
    const name = `Recording ${new Date().toLocaleString("en")}.${extensionFor(type)}`;
    onUpload({ blob: phase.blob, name, type, title: title.trim() || undefined });
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
          <button type="button" onClick={() => stopAll.current()} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white">
            Stop recording
          </button>
        </div>
      ) : phase.name === "review" ? (
        <div className="space-y-3">
          <audio controls src={phase.url} aria-label="Preview of your recording" className="w-full" />
          <label className="block text-sm">
            <span className="font-medium">Title (optional)</span>
            <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
          </label>
          <div className="flex gap-2">
            <button type="button" onClick={upload} className="rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700">
              Upload recording
            </button>
            <button type="button" onClick={discard} className="rounded border border-slate-300 px-4 py-2 text-sm">
              Discard
            </button>
          </div>
        </div>
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
