"use client";
import { useEffect, useRef, useState } from "react";
import { watchInputLevel } from "./input-level";
import { explainMicrophoneError, pickRecordingType } from "./recorder-support";

type RecordingPhase =
  | { name: "idle" }
  | { name: "recording" }
  | { name: "review"; blob: Blob; url: string }
  | { name: "error"; message: string };

/**
 * One take from the microphone at a time: start, stop, the elapsed time and input level meanwhile,
 * encoded at `bitsPerSecond`.
 */
export function useMicrophoneRecording(bitsPerSecond: number) {
  const [phase, setPhase] = useState<RecordingPhase>({ name: "idle" });
  const [elapsed, setElapsed] = useState(0);
  const [level, setLevel] = useState(0);
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
    const recorder = new MediaRecorder(stream, { ...(mimeType && { mimeType }), audioBitsPerSecond: bitsPerSecond });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    const stopLevel = watchInputLevel(stream, setLevel);
    const startedAt = Date.now();
    const timer = setInterval(() => setElapsed((Date.now() - startedAt) / 1000), 250);

    stopAll.current = () => {
      clearInterval(timer);
      stopLevel();
      if (recorder.state !== "inactive") recorder.stop();
      for (const track of stream.getTracks()) track.stop();
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
  }

  return { phase, elapsed, level, start, stop: () => stopAll.current(), discard };
}
