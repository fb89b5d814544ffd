import "server-only";
import { FRAME_MS } from "./features";
import { percentile, toDb } from "./stats";

const MIN_PAUSE_FRAMES = 250 / FRAME_MS;
// Bursts shorter than this inside silence are clicks or breaths, not speech.
const MIN_SPEECH_FRAMES = 50 / FRAME_MS;
// Where between the noise floor and the speech level the speech/silence line is drawn.
const THRESHOLD_SHARE = 0.25;
// A recording's own floor is never taken as lower than this far under its speech: digital
// silence would otherwise put the line in the room noise between words.
const MAX_DYNAMIC_DB = 60;

export interface Levels {
  /** Frame levels in dB (speech band), smoothed over 30 ms. */
  db: Float32Array;
  floorDb: number;
  speechDb: number;
  thresholdDb: number;
}

/** Levels relative to the recording itself: its noise floor (10th percentile) and speech level (95th). */
export function measureLevels(speechBandPower: Float32Array): Levels {
  const db = new Float32Array(speechBandPower.length);
  for (let i = 0; i < db.length; i++) {
    const from = Math.max(0, i - 1);
    const to = Math.min(db.length - 1, i + 1);
    let sum = 0;
    for (let j = from; j <= to; j++) sum += speechBandPower[j]!;
    db[i] = toDb(sum / (to - from + 1));
  }
  const speechDb = percentile(db, 0.95);
  const floorDb = Math.max(percentile(db, 0.1), speechDb - MAX_DYNAMIC_DB);
  return { db, floorDb, speechDb, thresholdDb: floorDb + THRESHOLD_SHARE * (speechDb - floorDb) };
}

export interface Activity {
  /** 1 where the frame is speech, after removing clicks. */
  speech: Uint8Array;
  firstSpeech: number;
  lastSpeech: number;
  /** Silent runs of 250 ms or more between the first and the last speech, as frame ranges [start, end). */
  pauses: Array<[number, number]>;
}

export function findActivity(levels: Levels): Activity {
  const frames = levels.db.length;
  const speech = new Uint8Array(frames);
  for (let i = 0; i < frames; i++) speech[i] = levels.db[i]! > levels.thresholdDb ? 1 : 0;
  for (const [start, end] of runs(speech, 1)) {
    if (end - start < MIN_SPEECH_FRAMES) speech.fill(0, start, end);
  }
  const firstSpeech = speech.indexOf(1);
  const lastSpeech = speech.lastIndexOf(1);
  const pauses = runs(speech, 0).filter(
    ([start, end]) => start > firstSpeech && end <= lastSpeech && end - start >= MIN_PAUSE_FRAMES,
  );
  return { speech, firstSpeech, lastSpeech, pauses };
}

function runs(flags: Uint8Array, value: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= flags.length; i++) {
    const inside = i < flags.length && flags[i] === value;
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      found.push([start, i]);
      start = -1;
    }
  }
  return found;
}
