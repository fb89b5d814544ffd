import "server-only";
import type { Readable } from "node:stream";
import { SAMPLE_RATE, decodePcm } from "./decode";
import { FRAME_MS, FeatureExtractor, type Features } from "./features";
import { integratedLoudness, loudnessRange } from "./loudness";
import { summarisePitch, voicedFrames } from "./pitch";
import {
  NUCLEI_PER_SYLLABLE,
  NUCLEI_PER_WORD,
  SYLLABLES_PER_MINUTE_ERROR,
  WORDS_PER_MINUTE_ERROR,
  nucleiPer,
} from "./rate-calibration";
import { findActivity, measureLevels } from "./speech-activity";
import { toDb } from "./stats";
import { findSyllableNuclei } from "./syllables";
import type { AnalysisMetrics, AnalysisOutput } from "./types";

export { UndecodableAudioError } from "./decode";

/** Bumped whenever a figure would come out differently, so older analyses can be redone. */
export const ANALYSIS_VERSION = 2;

export async function analyzeAudio(source: Readable, options: { signal?: AbortSignal } = {}): Promise<AnalysisOutput> {
  const extractor = new FeatureExtractor(SAMPLE_RATE);
  await decodePcm(source, (samples) => extractor.push(samples), options.signal);
  const features = extractor.finish();
  return { version: ANALYSIS_VERSION, metrics: computeMetrics(features), waveform: features.waveform };
}

function computeMetrics(features: Features): AnalysisMetrics {
  const durationMs = Math.round((features.sampleCount / features.sampleRate) * 1000);
  const levels = measureLevels(features.speechBandPower);
  const activity = findActivity(levels);
  const pauses = activity.pauses.map(([start, end]) => ({ startMs: start * FRAME_MS, endMs: end * FRAME_MS }));
  const pauseMs = pauses.reduce((sum, pause) => sum + pause.endMs - pause.startMs, 0);
  const spokenSpanMs = activity.firstSpeech < 0 ? 0 : (activity.lastSpeech + 1 - activity.firstSpeech) * FRAME_MS;
  const speakingMs = spokenSpanMs - pauseMs;
  const voiced = voicedFrames(features.f0, features.clarity, activity.speech);
  const nuclei = findSyllableNuclei({ speechBandPower: features.speechBandPower, thresholdDb: levels.thresholdDb, voiced });
  const nucleiPerMinute = speakingMs > 0 ? nuclei.length / (speakingMs / 60_000) : 0;
  const syllablesPerMinute = nucleiPerMinute / nucleiPer(NUCLEI_PER_SYLLABLE, nucleiPerMinute);
  const words = nuclei.length / nucleiPer(NUCLEI_PER_WORD, nucleiPerMinute);
  const wordsPerMinute = durationMs > 0 ? words / (durationMs / 60_000) : 0;
  const minutes = durationMs / 60_000;
  return {
    durationMs,
    speakingMs,
    wordsPerMinute: withRange(wordsPerMinute, WORDS_PER_MINUTE_ERROR),
    syllablesPerMinute: withRange(syllablesPerMinute, SYLLABLES_PER_MINUTE_ERROR),
    syllableCount: nuclei.length,
    pauses: {
      count: pauses.length,
      perMinute: minutes > 0 ? round(pauses.length / minutes, 2) : 0,
      totalMs: pauseMs,
      longestMs: pauses.reduce((longest, pause) => Math.max(longest, pause.endMs - pause.startMs), 0),
      meanRunMs: speakingMs > 0 ? Math.round(speakingMs / (pauses.length + 1)) : 0,
      items: pauses,
    },
    loudness: {
      integratedLufs: roundOrNull(integratedLoudness(features.kBlockPower), 1),
      rangeLu: roundOrNull(loudnessRange(features.kBlockPower), 1),
      clippedRatio: features.sampleCount > 0 ? features.clippedSamples / features.sampleCount : 0,
      snrDb: roundOrNull(signalToNoise(features.power, activity.speech), 1),
    },
    pitch: summarisePitch(features.f0, voiced),
  };
}

/** The measured error band: the truth lay between estimate / (1 + over) and estimate / (1 − under). */
function withRange(estimate: number, error: { under: number; over: number }) {
  return {
    estimate: Math.round(estimate),
    low: Math.floor(estimate / (1 + error.over)),
    high: Math.ceil(estimate / (1 - error.under)),
  };
}

// Noise is the median power of the frames outside speech; speech is the mean power of speech frames
// less that noise. No noise at all (digital silence) has no ratio.
function signalToNoise(power: Float32Array, speech: Uint8Array): number | null {
  const quiet: number[] = [];
  let speechSum = 0;
  let speechFrames = 0;
  for (let i = 0; i < power.length; i++) {
    if (speech[i] === 1) {
      speechSum += power[i]!;
      speechFrames++;
    } else quiet.push(power[i]!);
  }
  if (speechFrames === 0 || quiet.length === 0) return null;
  quiet.sort((a, b) => a - b);
  const noise = quiet[Math.floor(quiet.length / 2)]!;
  if (toDb(noise) < -100) return null;
  const signal = speechSum / speechFrames - noise;
  return signal > 0 ? toDb(signal) - toDb(noise) : 0;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | null, digits: number) => (value === null ? null : round(value, digits));
