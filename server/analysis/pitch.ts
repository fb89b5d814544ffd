import "server-only";
import { FRAME_MS } from "./features";
import { percentileOfSorted } from "./stats";
import type { TimeSpan } from "./types";

const MIN_HZ = 60;
const MAX_HZ = 500;
const MIN_CLARITY = 0.7;
const MONOTONE_WINDOW_MS = 8000;
const MONOTONE_STEP_MS = 1000;
const MONOTONE_MAX_SD = 2;
// A window needs this much voiced speech for its variation to mean anything.
const MONOTONE_MIN_VOICED_MS = 2000;

/** Frames with a clear F0 in the range of human voices, inside speech. */
export function voicedFrames(f0: Float32Array, clarity: Float32Array, speech: Uint8Array): Uint8Array {
  const voiced = new Uint8Array(f0.length);
  for (let i = 0; i < f0.length; i++) {
    const hz = f0[i]!;
    voiced[i] = speech[i] === 1 && clarity[i]! >= MIN_CLARITY && hz >= MIN_HZ && hz <= MAX_HZ ? 1 : 0;
  }
  return voiced;
}

interface PitchSummary {
  medianHz: number | null;
  variationSemitones: number | null;
  monotone: TimeSpan[];
}

export function summarisePitch(f0: Float32Array, voiced: Uint8Array): PitchSummary {
  const values: number[] = [];
  for (let i = 0; i < f0.length; i++) if (voiced[i] === 1) values.push(f0[i]!);
  if (values.length < 10) return { medianHz: null, variationSemitones: null, monotone: [] };
  const medianHz = percentileOfSorted(Float64Array.from(values).sort(), 0.5);
  const semitones = new Float64Array(f0.length);
  for (let i = 0; i < f0.length; i++) semitones[i] = voiced[i] === 1 ? 12 * Math.log2(f0[i]! / medianHz) : NaN;
  return {
    medianHz: round(medianHz, 1),
    variationSemitones: round(standardDeviation(semitones, 0, f0.length) ?? 0, 2),
    monotone: monotoneStretches(semitones),
  };
}

/** Stretches of 8 s or more whose pitch varies by less than 2 semitones (SD over voiced frames). */
function monotoneStretches(semitones: Float64Array): TimeSpan[] {
  const window = MONOTONE_WINDOW_MS / FRAME_MS;
  const step = MONOTONE_STEP_MS / FRAME_MS;
  const spans: TimeSpan[] = [];
  for (let start = 0; start + window <= semitones.length; start += step) {
    const sd = standardDeviation(semitones, start, start + window, MONOTONE_MIN_VOICED_MS / FRAME_MS);
    if (sd === null || sd >= MONOTONE_MAX_SD) continue;
    const span = { startMs: start * FRAME_MS, endMs: (start + window) * FRAME_MS };
    const last = spans.at(-1);
    if (last && span.startMs <= last.endMs) last.endMs = span.endMs;
    else spans.push(span);
  }
  return spans;
}

function standardDeviation(values: Float64Array, from: number, to: number, minCount = 2): number | null {
  let count = 0;
  let sum = 0;
  let squares = 0;
  for (let i = from; i < to; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) continue;
    count++;
    sum += value;
    squares += value * value;
  }
  if (count < Math.max(minCount, 2)) return null;
  const mean = sum / count;
  return Math.sqrt(Math.max(0, squares / count - mean * mean));
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
