import "server-only";
import { FRAME_MS } from "./features";
import { percentile, toDb } from "./stats";

const MIN_PAUSE_FRAMES = 250 / FRAME_MS;
// Bursts shorter than this inside silence are clicks or breaths, not speech.
const MIN_SPEECH_FRAMES = 50 / FRAME_MS;
// Where between the noise floor and the speech level speech is certain (a quarter of the way up),
// and how far above the floor it may still continue (a tenth, at least 3 dB: white noise smoothed
// over 30 ms stays within about 1 dB of its median).
const THRESHOLD_SHARE = 0.25;
const CONTINUE_SHARE = 0.1;
const CONTINUE_MIN_DB = 3;
const SMOOTH_HALF_WIDTH = 1;
// A recording's own floor is never taken as lower than this far under its speech: digital
// silence would otherwise put the line in the room noise between words.
const MAX_DYNAMIC_DB = 60;

interface Levels {
  /** Frame levels in dB (speech band), smoothed over 30 ms. */
  db: Float32Array;
  floorDb: number;
  speechDb: number;
  thresholdDb: number;
  continueDb: number;
}

/** Levels relative to the recording itself: its noise floor (10th percentile) and speech level (95th). */
export function measureLevels(speechBandPower: Float32Array): Levels {
  const db = new Float32Array(speechBandPower.length);
  for (let i = 0; i < db.length; i++) {
    const from = Math.max(0, i - SMOOTH_HALF_WIDTH);
    const to = Math.min(db.length - 1, i + SMOOTH_HALF_WIDTH);
    let sum = 0;
    for (let j = from; j <= to; j++) sum += speechBandPower[j]!;
    db[i] = toDb(sum / (to - from + 1));
  }
  const speechDb = percentile(db, 0.95);
  const floorDb = Math.max(percentile(db, 0.1), speechDb - MAX_DYNAMIC_DB);
  const range = speechDb - floorDb;
  return {
    db,
    floorDb,
    speechDb,
    thresholdDb: floorDb + THRESHOLD_SHARE * range,
    continueDb: floorDb + Math.max(CONTINUE_MIN_DB, CONTINUE_SHARE * range),
  };
}

interface Activity {
  /** 1 where the frame is speech, after removing clicks. */
  speech: Uint8Array;
  firstSpeech: number;
  lastSpeech: number;
  /** Silent runs of 250 ms or more between the first and the last speech, as frame ranges [start, end). */
  pauses: Array<[number, number]>;
}

/**
 * Speech is found with hysteresis: stretches clearly above the floor, extended on each side for as
 * long as the level stays above the continuation line, so quiet word endings and onsets in noise
 * stay speech while the pauses between them do not.
 */
export function findActivity(levels: Levels): Activity {
  const { db, thresholdDb, continueDb } = levels;
  const frames = db.length;
  const speech = new Uint8Array(frames);
  for (let i = 0; i < frames; i++) speech[i] = db[i]! > thresholdDb ? 1 : 0;
  for (const [start, end] of runs(speech, 1)) {
    if (end - start < MIN_SPEECH_FRAMES) {
      speech.fill(0, start, end);
      continue;
    }
    for (let i = start - 1; i >= 0 && speech[i] === 0 && db[i]! > continueDb; i--) speech[i] = 1;
    for (let i = end; i < frames && speech[i] === 0 && db[i]! > continueDb; i++) speech[i] = 1;
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
