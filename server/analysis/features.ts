import "server-only";
import { PitchDetector } from "pitchy";
import { highPass, kWeighting, lowPass } from "./biquad";
import { GrowableFloat32 } from "./growable";
import { PeakReducer } from "./peaks";
import type { Waveform } from "./types";

export const FRAME_MS = 10;
const PITCH_WINDOW = 512; // 64 ms at 8 kHz: two periods of a 31 Hz voice, so 60 Hz is safe
const CLIP_LEVEL = 0.999;

/** What the whole recording boils down to: small per-frame series, from which metrics are computed. */
export interface Features {
  sampleRate: number;
  sampleCount: number;
  /** Mean square per 10 ms frame, full band. */
  power: Float32Array;
  /** Mean square per 10 ms frame in the speech band (120 Hz–3.5 kHz), where voices stand out of noise. */
  speechBandPower: Float32Array;
  /** F0 in Hz per 10 ms frame (0 where none was tried), and the detector's clarity (0..1). */
  f0: Float32Array;
  clarity: Float32Array;
  /** K-weighted mean square per 100 ms block (BS.1770). */
  kBlockPower: Float32Array;
  clippedSamples: number;
  waveform: Waveform;
}

/**
 * Consumes PCM in any chunk sizes and keeps only per-frame features; every filter runs sample by
 * sample, so nothing waits for the end of the recording.
 */
export class FeatureExtractor {
  private readonly frameLength: number;
  private readonly blockLength: number;
  private readonly peaks: PeakReducer;
  private readonly kStages;
  private readonly bandStages;
  private readonly pitchLowPass;
  private readonly detector = PitchDetector.forFloat32Array(PITCH_WINDOW);
  private readonly pitchBuffer = new Float32Array(PITCH_WINDOW);
  private readonly pitchIncoming: Float32Array;
  private pitchSeen = 0;
  private pitchPending = 0;
  private readonly power = new GrowableFloat32();
  private readonly bandPower = new GrowableFloat32();
  private readonly f0 = new GrowableFloat32();
  private readonly clarity = new GrowableFloat32();
  private readonly kBlocks = new GrowableFloat32();
  private frameSum = 0;
  private frameBandSum = 0;
  private inFrame = 0;
  private kSum = 0;
  private inBlock = 0;
  private sampleCount = 0;
  private clipped = 0;
  private decimatePhase = 0;

  constructor(private readonly sampleRate: number) {
    this.frameLength = Math.round((sampleRate * FRAME_MS) / 1000);
    this.blockLength = this.frameLength * 10;
    this.pitchIncoming = new Float32Array(this.frameLength / 2);
    this.peaks = new PeakReducer(sampleRate);
    this.kStages = kWeighting(sampleRate);
    this.bandStages = [highPass(120, sampleRate), lowPass(3500, sampleRate)] as const;
    // Pitch is tracked at half rate behind a 1 kHz low-pass: F0 lives far below, and it halves the cost.
    this.pitchLowPass = [lowPass(1000, sampleRate), lowPass(1000, sampleRate)] as const;
  }

  push(samples: Float32Array): void {
    this.peaks.push(samples);
    const [shelf, high] = this.kStages;
    const [bandHigh, bandLow] = this.bandStages;
    const [pitchA, pitchB] = this.pitchLowPass;
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i]!;
      if (x >= CLIP_LEVEL || x <= -CLIP_LEVEL) this.clipped++;
      this.frameSum += x * x;
      const band = bandLow.process(bandHigh.process(x));
      this.frameBandSum += band * band;
      const k = high.process(shelf.process(x));
      this.kSum += k * k;
      const forPitch = pitchB.process(pitchA.process(x));
      if ((this.decimatePhase ^= 1) === 1) this.pushPitchSample(forPitch);
      if (++this.inFrame === this.frameLength) this.closeFrame();
      if (++this.inBlock === this.blockLength) {
        this.kBlocks.push(this.kSum / this.blockLength);
        this.kSum = 0;
        this.inBlock = 0;
      }
    }
    this.sampleCount += samples.length;
  }

  finish(): Features {
    if (this.inFrame > this.frameLength / 2) this.closeFrame();
    // A final partial block still counts: gating windows end with the recording.
    if (this.inBlock > this.blockLength / 2) this.kBlocks.push(this.kSum / this.inBlock);
    // Each pitch estimate is centred in its window, which ends at the frame that produced it.
    const frames = this.power.length;
    const lag = this.pitchLag();
    const f0 = new Float32Array(frames);
    const clarity = new Float32Array(frames);
    f0.set(this.f0.view().subarray(lag));
    clarity.set(this.clarity.view().subarray(lag));
    return {
      sampleRate: this.sampleRate,
      sampleCount: this.sampleCount,
      power: this.power.view(),
      speechBandPower: this.bandPower.view(),
      f0,
      clarity,
      kBlockPower: this.kBlocks.view(),
      clippedSamples: this.clipped,
      waveform: this.peaks.finish(),
    };
  }

  private pitchLag(): number {
    const windowMs = (PITCH_WINDOW * 2 * 1000) / this.sampleRate;
    return Math.round(windowMs / 2 / FRAME_MS - 0.5);
  }

  private pushPitchSample(value: number): void {
    if (this.pitchPending < this.pitchIncoming.length) this.pitchIncoming[this.pitchPending++] = value;
  }

  private closeFrame(): void {
    this.power.push(this.frameSum / this.inFrame);
    this.bandPower.push(this.frameBandSum / this.inFrame);
    this.frameSum = 0;
    this.frameBandSum = 0;
    this.inFrame = 0;
    const incoming = this.pitchIncoming.subarray(0, this.pitchPending);
    this.pitchBuffer.copyWithin(0, incoming.length);
    this.pitchBuffer.set(incoming, PITCH_WINDOW - incoming.length);
    this.pitchSeen += incoming.length;
    this.pitchPending = 0;
    this.trackPitch();
  }

  private trackPitch(): void {
    let energy = 0;
    for (let i = 0; i < PITCH_WINDOW; i++) energy += this.pitchBuffer[i]! * this.pitchBuffer[i]!;
    // Digital silence and near-silence have no pitch; skipping them saves most of the work in pauses.
    if (this.pitchSeen < PITCH_WINDOW || energy / PITCH_WINDOW < 1e-8) {
      this.f0.push(0);
      this.clarity.push(0);
      return;
    }
    const [pitch, clarity] = this.detector.findPitch(this.pitchBuffer, this.sampleRate / 2);
    this.f0.push(pitch);
    this.clarity.push(clarity);
  }
}
