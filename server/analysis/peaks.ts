import "server-only";
import type { Waveform } from "./types";

const MAX_PAIRS = 2000;

/**
 * Min/max pairs over blocks of samples whose size doubles whenever the pairs would pass 2 × 2,000,
 * so the length need not be known in advance (live WebM states none) and the result has 1,000 to
 * 2,000 pairs for anything longer than an eighth of a second.
 */
export class PeakReducer {
  private pairs = new Float32Array(MAX_PAIRS * 4);
  private count = 0;
  private blockSize = 1;
  private inBlock = 0;
  private min = Infinity;
  private max = -Infinity;

  constructor(private readonly sampleRate: number) {}

  push(samples: Float32Array): void {
    for (let i = 0; i < samples.length; i++) {
      const value = samples[i]!;
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
      if (++this.inBlock === this.blockSize) this.closeBlock();
    }
  }

  finish(): Waveform {
    if (this.inBlock > 0) this.closeBlock();
    while (this.count > MAX_PAIRS) this.halve();
    const peaks = Array.from(this.pairs.subarray(0, this.count * 2), (value) => Math.round(value * 10_000) / 10_000);
    return { peaks, peaksPerSecond: this.sampleRate / this.blockSize };
  }

  private closeBlock(): void {
    this.pairs[this.count * 2] = this.min;
    this.pairs[this.count * 2 + 1] = this.max;
    this.count++;
    this.inBlock = 0;
    this.min = Infinity;
    this.max = -Infinity;
    if (this.count === MAX_PAIRS * 2) this.halve();
  }

  private halve(): void {
    const merged = Math.ceil(this.count / 2);
    for (let i = 0; i < merged; i++) {
      const a = 2 * i;
      const b = Math.min(a + 1, this.count - 1);
      this.pairs[i * 2] = Math.min(this.pairs[a * 2]!, this.pairs[b * 2]!);
      this.pairs[i * 2 + 1] = Math.max(this.pairs[a * 2 + 1]!, this.pairs[b * 2 + 1]!);
    }
    this.count = merged;
    this.blockSize *= 2;
  }
}
