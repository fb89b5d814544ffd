import "server-only";
import { percentile, toDb } from "./stats";

// After de Jong & Wempe (2009), "Praat script to detect syllable nuclei and measure speech rate
// automatically": intensity peaks (local maxima, so lower on each side) that stand above a threshold
// under the loudest speech, with a dip of at least 2 dB before the next peak as in their script,
// kept only where the voice is voiced. Our own implementation.
const SILENCE_BELOW_MAX_DB = 25;
const MIN_DIP_DB = 2;
// Hann smoothing over ±HALF_WIDTH frames: close to Praat's intensity window for a 50 Hz minimum pitch.
const HALF_WIDTH = 3;
// A nucleus counts as voiced when a voiced frame lies this close: F0 trackers lose the first and
// last periods of a vowel, and the intensity peak may sit there.
const VOICED_WITHIN = 3;

interface NucleiInput {
  speechBandPower: Float32Array;
  /** The speech/silence line of the recording: nuclei below it are noise. */
  thresholdDb: number;
  voiced: Uint8Array;
}

/** Frame indices of syllable nuclei. */
export function findSyllableNuclei({ speechBandPower, thresholdDb, voiced }: NucleiInput): number[] {
  const intensity = smoothedDb(speechBandPower);
  const threshold = Math.max(percentile(intensity, 0.99) - SILENCE_BELOW_MAX_DB, thresholdDb);
  const peaks: number[] = [];
  for (let i = 1; i < intensity.length - 1; i++) {
    const value = intensity[i]!;
    if (value > threshold && value > intensity[i - 1]! && value >= intensity[i + 1]!) peaks.push(i);
  }
  const nuclei: number[] = [];
  for (let p = 0; p < peaks.length; p++) {
    const at = peaks[p]!;
    const after = minimumBetween(intensity, at, p + 1 < peaks.length ? peaks[p + 1]! : intensity.length - 1);
    const peak = intensity[at]!;
    if (peak - after >= MIN_DIP_DB && voicedNear(voiced, at)) nuclei.push(at);
  }
  return nuclei;
}

function smoothedDb(power: Float32Array): Float32Array {
  const weights = Array.from({ length: 2 * HALF_WIDTH + 1 }, (_, k) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (k + 1)) / (2 * HALF_WIDTH + 2)));
  const result = new Float32Array(power.length);
  for (let i = 0; i < power.length; i++) {
    let sum = 0;
    let weight = 0;
    for (let k = -HALF_WIDTH; k <= HALF_WIDTH; k++) {
      const j = i + k;
      if (j < 0 || j >= power.length) continue;
      sum += weights[k + HALF_WIDTH]! * power[j]!;
      weight += weights[k + HALF_WIDTH]!;
    }
    result[i] = toDb(sum / weight);
  }
  return result;
}

function minimumBetween(values: Float32Array, from: number, to: number): number {
  let min = Infinity;
  for (let i = from; i <= to; i++) min = Math.min(min, values[i]!);
  return min;
}

function voicedNear(voiced: Uint8Array, at: number): boolean {
  for (let i = Math.max(0, at - VOICED_WITHIN); i <= Math.min(voiced.length - 1, at + VOICED_WITHIN); i++) {
    if (voiced[i] === 1) return true;
  }
  return false;
}
