// The labelled set, built in code from the shared fixtures so that the truth is exact by
// construction: real speech clips spliced with digital silences of chosen lengths, the same
// recordings with white noise at known SNRs and at changed speeds, the passage as recorded, and
// espeak-ng reading other text at set rates.
import { execFileSync } from "node:child_process";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import type { TimeSpan } from "../../server/analysis/types";
import { audioFixture } from "../../testing/audio-fixtures";
import { SAMPLE_RATE, changeTempo, concat, decodeFile, speak } from "./audio-tools";


// The passage's transcript, clip by clip (fixtures README), and syllables counted by hand.
const CLIPS = [
  { text: "and mister john dashwood had then leisure to consider how much there might be prudently in his power to do for them", syllables: 30 },
  { text: "he was not an ill disposed young man", syllables: 9 },
  { text: "unless to be rather cold hearted and rather selfish is to be ill disposed", syllables: 20 },
  { text: "had he married a more a amiable woman he might have been made still more respectable than he was", syllables: 27 },
  { text: "he might even have been made amiable himself", syllables: 13 },
];

// Other text for espeak-ng (public domain: Austen, Pride and Prejudice; Carroll, Alice's Adventures
// in Wonderland), so no calibration ever sees the passage's words.
const SPOKEN_TEXTS = [
  "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife. " +
    "However little known the feelings or views of such a man may be on his first entering a neighbourhood, this truth is so well " +
    "fixed in the minds of the surrounding families, that he is considered the rightful property of some one or other of their daughters.",
  "Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing to do. Once or twice she had " +
    "peeped into the book her sister was reading, but it had no pictures or conversations in it, and what is the use of a book, " +
    "thought Alice, without pictures or conversations? So she was considering in her own mind, as well as she could, for the hot " +
    "day made her feel very sleepy and stupid, whether the pleasure of making a daisy chain would be worth the trouble of getting up.",
];

const wordCount = (text: string) => text.match(/[a-z']+/gi)?.length ?? 0;

type Condition = "clean" | "noise 20 dB" | "noise 10 dB" | "tempo 0.85" | "tempo 1.2" | "as recorded" | "espeak-ng";
export const CONDITIONS: Condition[] = ["clean", "noise 20 dB", "noise 10 dB", "tempo 0.85", "tempo 1.2", "as recorded", "espeak-ng"];

/** Calibration items set constants; report items are held out and carry the targets; extra items are shown but are neither. */
type Split = "calibration" | "report" | "extra";

export interface LabelledItem {
  name: string;
  split: Split;
  condition: Condition;
  samples: Float32Array;
  words: number;
  /** Known only where the speech is spliced from the hand-counted clips. */
  syllables?: number;
  /** Pauses of 250 ms or more; absent where not known exactly. */
  pauses?: TimeSpan[];
  /** Quiet stretches inside the speech where a found pause is neither right nor wrong. */
  ambiguous?: TimeSpan[];
  /** Speaking time: from the first word to the last, less the pauses. */
  speakingMs?: number;
  snrDb?: number;
}

// Truth labelling of a clean clip: speech is where the 10 ms level in the telephone band (ffmpeg's
// filters, not the analyser's) is within 20 dB of the clip's loudest frame. Clips are cut there,
// which drops the breaths and room tone at their ends (a breath belongs to the pause). The true
// pauses are then exactly the inserted silences. Inside a clip, a stretch of 100 ms or more below
// that line (a stop, a breath between words) is ambiguous: noise can hide the sounds around it and
// make it a pause, so a pause found there counts neither as right nor as wrong.
const TRUTH_DYNAMIC_DB = 20;
const FRAME = SAMPLE_RATE / 100;
const MIN_PAUSE_MS = 250;
const MIN_AMBIGUOUS_MS = 100;

interface Clip {
  samples: Float32Array;
  words: number;
  syllables: number;
  quietStretches: TimeSpan[];
}

/** The passage's five clips, cut at its four digital silences and trimmed to their speech. */
export async function passageClips(): Promise<Clip[]> {
  const passage = await decodeFile(audioFixture("speech-passage.m4a").path);
  const silences = digitalSilences(passage, 0.3 * SAMPLE_RATE);
  if (silences.length !== CLIPS.length - 1) throw new Error(`expected 4 silences in the passage, found ${silences.length}`);
  const bounds = [0, ...silences.flat(), passage.length];
  return CLIPS.map((clip, index) => {
    const raw = passage.subarray(bounds[2 * index]!, bounds[2 * index + 1]!);
    const levels = frameLevels(raw);
    const loudest = Math.max(...levels);
    const active = levels.map((level) => level > loudest - TRUTH_DYNAMIC_DB);
    const first = active.indexOf(true);
    const last = active.lastIndexOf(true);
    const quietStretches: TimeSpan[] = [];
    for (let i = first; i <= last; ) {
      if (active[i]) {
        i++;
        continue;
      }
      let j = i;
      while (!active[j]) j++;
      if ((j - i) * 10 >= MIN_AMBIGUOUS_MS) quietStretches.push({ startMs: (i - first) * 10, endMs: (j - first) * 10 });
      i = j;
    }
    return {
      samples: raw.slice(first * FRAME, (last + 1) * FRAME),
      words: wordCount(clip.text),
      syllables: clip.syllables,
      quietStretches,
    };
  });
}

function digitalSilences(samples: Float32Array, minLength: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= samples.length; i++) {
    const quiet = i < samples.length && Math.abs(samples[i]!) < 3e-4;
    if (quiet && start < 0) start = i;
    if (!quiet && start >= 0) {
      if (i - start >= minLength) found.push([start, i]);
      start = -1;
    }
  }
  return found;
}

/** 10 ms levels in the telephone band (300 Hz–3.4 kHz), where speech is and breath and rumble are not. */
function frameLevels(samples: Float32Array): number[] {
  const filtered = execFileSync(
    ffmpegInstaller.path,
    ["-v", "error", "-f", "f32le", "-ar", String(SAMPLE_RATE), "-ac", "1", "-i", "pipe:0", "-af", "highpass=f=300,lowpass=f=3400", "-f", "f32le", "pipe:1"],
    { input: Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength), maxBuffer: 1024 ** 3 },
  );
  const band = new Float32Array(filtered.buffer.slice(filtered.byteOffset, filtered.byteOffset + filtered.byteLength - (filtered.byteLength % 4)));
  const levels: number[] = [];
  for (let at = 0; at + FRAME <= band.length; at += FRAME) {
    let sum = 0;
    for (let i = at; i < at + FRAME; i++) sum += band[i]! ** 2;
    levels.push(10 * Math.log10(sum / FRAME + 1e-12));
  }
  return levels;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same set. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Gaps between clips: pauses to find, and one short gap per recording that must not count.
const PAUSE_SECONDS = [0.4, 0.5, 0.7, 1.0, 1.5, 2.5];
const SHORT_GAP_SECONDS = 0.1;
const EDGE_SILENCE_SECONDS = 0.6;

// Calibration and report never share a clip: syllables and nuclei per word are measured on clips 1
// and 3, and every reported figure comes from recordings of clips 2, 4 and 5.
const SPLITS = {
  calibration: { clips: [0, 2], recordings: 4, seed: 11 },
  report: { clips: [1, 3, 4], recordings: 6, seed: 20_091_124 },
} as const;

/** Clean spliced recordings: each clip of the split twice, shuffled, between silences of known lengths. */
export function splice(allClips: Clip[], split: keyof typeof SPLITS): LabelledItem[] {
  const { clips: chosen, recordings, seed } = SPLITS[split];
  const next = random(seed);
  const clips = chosen.flatMap((index) => [allClips[index]!, allClips[index]!]);
  const labels = chosen.flatMap((index) => [index + 1, index + 1]);
  return Array.from({ length: recordings }, (_, index) => {
    const order = clips.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const shortGapAt = Math.floor(next() * (clips.length - 1));
    const parts: Float32Array[] = [silence(EDGE_SILENCE_SECONDS)];
    const pauses: TimeSpan[] = [];
    const ambiguous: TimeSpan[] = [];
    let at = EDGE_SILENCE_SECONDS * SAMPLE_RATE;
    let speakingSamples = 0;
    order.forEach((clipIndex, position) => {
      const clip = clips[clipIndex]!;
      for (const quiet of clip.quietStretches) ambiguous.push(shift(quiet, at));
      parts.push(clip.samples);
      at += clip.samples.length;
      speakingSamples += clip.samples.length;
      if (position === order.length - 1) return;
      const seconds = position === shortGapAt ? SHORT_GAP_SECONDS : PAUSE_SECONDS[Math.floor(next() * PAUSE_SECONDS.length)]!;
      if (seconds * 1000 >= MIN_PAUSE_MS) pauses.push({ startMs: toMs(at), endMs: toMs(at + seconds * SAMPLE_RATE) });
      else speakingSamples += seconds * SAMPLE_RATE;
      parts.push(silence(seconds));
      at += seconds * SAMPLE_RATE;
    });
    parts.push(silence(EDGE_SILENCE_SECONDS));
    return {
      name: `${split} ${index + 1} (clips ${order.map((i) => labels[i]).join(",")})`,
      split,
      condition: "clean" as const,
      samples: concat(parts),
      words: clips.reduce((sum, clip) => sum + clip.words, 0),
      syllables: clips.reduce((sum, clip) => sum + clip.syllables, 0),
      pauses,
      ambiguous,
      speakingMs: toMs(speakingSamples),
    };
  });
}

const silence = (seconds: number) => new Float32Array(Math.round(seconds * SAMPLE_RATE));
const toMs = (samples: number) => Math.round((samples / SAMPLE_RATE) * 1000);
const shift = (span: TimeSpan, samples: number): TimeSpan => ({ startMs: span.startMs + toMs(samples), endMs: span.endMs + toMs(samples) });

/** The clean recording with white Gaussian noise at `snrDb` below the speech's mean power. */
export function withNoise(item: LabelledItem, speechPower: number, snrDb: number, seed: number): LabelledItem {
  const next = random(seed);
  const deviation = Math.sqrt(speechPower / 10 ** (snrDb / 10));
  const samples = item.samples.map((value) => {
    const gaussian = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return value + deviation * gaussian;
  });
  return { ...item, condition: `noise ${snrDb} dB` as Condition, samples, snrDb };
}

export function meanPower(clips: Clip[]): number {
  let sum = 0;
  let count = 0;
  for (const clip of clips) {
    for (const value of clip.samples) sum += value * value;
    count += clip.samples.length;
  }
  return sum / count;
}

/** The clean recording played faster or slower; every time in the truth scales by 1/tempo. */
export function withTempo(item: LabelledItem, tempo: number): LabelledItem {
  const scale = (ms: number) => Math.round(ms / tempo);
  return {
    ...item,
    condition: `tempo ${tempo}` as Condition,
    samples: changeTempo(item.samples, tempo),
    pauses: item.pauses?.map((pause) => ({ startMs: scale(pause.startMs), endMs: scale(pause.endMs) })),
    ambiguous: item.ambiguous?.map((span) => ({ startMs: scale(span.startMs), endMs: scale(span.endMs) })),
    speakingMs: item.speakingMs === undefined ? undefined : scale(item.speakingMs),
  };
}

export async function asRecorded(): Promise<LabelledItem[]> {
  const words = CLIPS.reduce((sum, clip) => sum + wordCount(clip.text), 0);
  return Promise.all(
    ["speech-passage.m4a", "speech-passage.webm"].map(async (name) => ({
      name: `${name} (holds the calibration clips too)`,
      split: "extra" as const,
      condition: "as recorded" as const,
      samples: await decodeFile(audioFixture(name).path),
      words,
    })),
  );
}

const VOICES = ["en-us", "en-gb", "en-us+f3"];
const RATES = [130, 165, 200];

/** espeak-ng reading other text at set rates: synthetic speech, a check beyond the human voice. */
export async function spoken(): Promise<LabelledItem[]> {
  const items: LabelledItem[] = [];
  for (const [textIndex, text] of SPOKEN_TEXTS.entries()) {
    for (const voice of VOICES) {
      for (const rate of RATES) {
        items.push({ name: `text ${textIndex + 1}, ${voice}, ${rate} wpm`, split: "extra", condition: "espeak-ng", samples: await speak(text, voice, rate), words: wordCount(text) });
      }
    }
  }
  return items;
}
