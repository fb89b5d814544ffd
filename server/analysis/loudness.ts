import "server-only";
import { percentileOfSorted } from "./stats";

// ITU-R BS.1770-4 and EBU Tech 3342 over the K-weighted mean square of consecutive 100 ms blocks.
const ABSOLUTE_GATE_LUFS = -70;
const lufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);

/** Mean square of each window of `length` blocks, advancing one block (100 ms) at a time. */
function windows(blocks: Float32Array, length: number): number[] {
  const result: number[] = [];
  let sum = 0;
  for (let i = 0; i < blocks.length; i++) {
    sum += blocks[i]!;
    if (i >= length) sum -= blocks[i - length]!;
    if (i >= length - 1) result.push(Math.max(sum, 0) / length);
  }
  return result;
}

/** Integrated loudness: 400 ms blocks overlapping by 75 %, absolute gate −70 LUFS, relative gate −10 LU. */
export function integratedLoudness(kBlockPower: Float32Array): number | null {
  const blocks = windows(kBlockPower, 4).filter((power) => lufs(power) > ABSOLUTE_GATE_LUFS);
  if (blocks.length === 0) return null;
  const relativeGate = lufs(mean(blocks)) - 10;
  const gated = blocks.filter((power) => lufs(power) > relativeGate);
  return gated.length ? lufs(mean(gated)) : null;
}

/** Loudness range: 10th to 95th percentile of 3 s short-term loudness, gated at −70 LUFS and −20 LU. */
export function loudnessRange(kBlockPower: Float32Array): number | null {
  const shortTerm = windows(kBlockPower, 30).filter((power) => lufs(power) > ABSOLUTE_GATE_LUFS);
  if (shortTerm.length === 0) return null;
  const relativeGate = lufs(mean(shortTerm)) - 20;
  const gated = shortTerm
    .map(lufs)
    .filter((loudness) => loudness > relativeGate)
    .sort((a, b) => a - b);
  if (gated.length === 0) return null;
  return percentileOfSorted(gated, 0.95) - percentileOfSorted(gated, 0.1);
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

