// Scoring of the analyser's output against the truth of a labelled item.
import { Readable } from "node:stream";
import { analyzeAudio } from "../../server/analysis/analyze";
import type { AnalysisMetrics, TimeSpan } from "../../server/analysis/types";
import { praatMedianF0, wav } from "./audio-tools";
import type { LabelledItem } from "./truth-set";

const EDGE_TOLERANCE_MS = 100;

export interface Scored {
  item: LabelledItem;
  metrics: AnalysisMetrics;
  pauseMatches?: { truePositives: number; falsePositives: number; falseNegatives: number; ignored: number };
  /** Relative errors: estimate / truth − 1. */
  wordsPerMinuteError: number;
  syllablesPerMinuteError?: number;
  praatMedianHz?: number;
  f0Error?: number;
  snrErrorDb?: number;
}

export async function score(item: LabelledItem, options: { praat: boolean }): Promise<Scored> {
  const { metrics } = await analyzeAudio(Readable.from([wav(item.samples)]));
  const minutes = item.samples.length / 16_000 / 60;
  const scored: Scored = { item, metrics, wordsPerMinuteError: metrics.wordsPerMinute.estimate / (item.words / minutes) - 1 };
  if (item.pauses) scored.pauseMatches = matchPauses(metrics.pauses.items, item.pauses, item.ambiguous ?? []);
  if (item.syllables !== undefined && item.speakingMs) {
    scored.syllablesPerMinuteError = metrics.syllablesPerMinute.estimate / (item.syllables / (item.speakingMs / 60_000)) - 1;
  }
  if (options.praat && metrics.pitch.medianHz !== null) {
    scored.praatMedianHz = praatMedianF0(item.samples);
    scored.f0Error = metrics.pitch.medianHz / scored.praatMedianHz - 1;
  }
  if (item.snrDb !== undefined && metrics.loudness.snrDb !== null) scored.snrErrorDb = metrics.loudness.snrDb - item.snrDb;
  return scored;
}

/**
 * One-to-one matching: a found pause matches a true one when both edges are within 100 ms. A found
 * pause that matches none but lies over an ambiguous stretch is left out of the count.
 */
function matchPauses(found: TimeSpan[], truth: TimeSpan[], ambiguous: TimeSpan[]) {
  const used = new Set<number>();
  let truePositives = 0;
  let ignored = 0;
  for (const pause of found) {
    const match = truth.findIndex(
      (candidate, index) =>
        !used.has(index) &&
        Math.abs(candidate.startMs - pause.startMs) <= EDGE_TOLERANCE_MS &&
        Math.abs(candidate.endMs - pause.endMs) <= EDGE_TOLERANCE_MS,
    );
    if (match >= 0) {
      used.add(match);
      truePositives++;
    } else if (ambiguous.some((span) => span.startMs < pause.endMs && pause.startMs < span.endMs)) {
      ignored++;
    }
  }
  return {
    truePositives,
    falsePositives: found.length - truePositives - ignored,
    falseNegatives: truth.length - truePositives,
    ignored,
  };
}

export function pauseF1(scored: Scored[]): { precision: number; recall: number; f1: number; truth: number } {
  const sum = (key: "truePositives" | "falsePositives" | "falseNegatives") =>
    scored.reduce((total, entry) => total + (entry.pauseMatches?.[key] ?? 0), 0);
  const tp = sum("truePositives");
  const precision = tp / Math.max(1, tp + sum("falsePositives"));
  const recall = tp / Math.max(1, tp + sum("falseNegatives"));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truth: tp + sum("falseNegatives") };
}
