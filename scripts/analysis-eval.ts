// `npm run analysis:eval`: the analyser against truth no one tuned to. Builds the labelled set in code
// (scripts/analysis-eval/truth-set.ts), analyses every item through the same path as an upload, and
// prints each metric's error per item, per condition, and the totals, with the calibration figures
// that server/analysis/rate-calibration.ts takes from the espeak-ng set.
import { ffmpegLoudness } from "./analysis-eval/audio-tools";
import { pauseF1, score, type Scored } from "./analysis-eval/score";
import {
  CONDITIONS,
  asRecorded,
  meanPower,
  passageClips,
  splice,
  spoken,
  withNoise,
  withTempo,
  type LabelledItem,
} from "./analysis-eval/truth-set";

const percent = (value: number | undefined) => (value === undefined ? "-" : `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`);
const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? "-" : value.toFixed(digits));

async function main(): Promise<void> {
  const clips = await passageClips();
  const power = meanPower(clips);
  const items: LabelledItem[] = [];
  for (const split of ["calibration", "report"] as const) {
    const clean = splice(clips, split);
    items.push(
      ...clean,
      ...clean.map((item, index) => withNoise(item, power, 20, 1000 + index)),
      ...clean.map((item, index) => withNoise(item, power, 10, 2000 + index)),
      ...clean.map((item) => withTempo(item, 0.85)),
      ...clean.map((item) => withTempo(item, 1.2)),
    );
  }
  items.push(...(await asRecorded()), ...(await spoken()));
  console.log(`Labelled set: ${items.length} recordings, ${(items.reduce((s, i) => s + i.samples.length, 0) / 16_000 / 60).toFixed(1)} minutes.\n`);
  console.log("condition | recording | s | pauses found/true | wpm est/true (err) | syll/min err | F0 ours/Praat (err) | SNR err dB | LUFS ours−ffmpeg | LRA ours−ffmpeg");
  const results: Scored[] = [];
  const loudnessErrors: Array<{ lufs: number; lra: number }> = [];
  for (const item of items) {
    const scored = await score(item, { praat: true });
    const reference = ffmpegLoudness(item.samples);
    const loudness = {
      lufs: (scored.metrics.loudness.integratedLufs ?? NaN) - reference.integratedLufs,
      lra: (scored.metrics.loudness.rangeLu ?? NaN) - reference.rangeLu,
    };
    loudnessErrors.push(loudness);
    results.push(scored);
    const seconds = item.samples.length / 16_000;
    console.log(
      [
        item.condition,
        item.name,
        seconds.toFixed(1),
        item.pauses ? `${scored.metrics.pauses.count}/${item.pauses.length} (${scored.pauseMatches!.truePositives} match, ${scored.pauseMatches!.ignored} ambiguous)` : "-",
        `${scored.metrics.wordsPerMinute.estimate}/${(item.words / (seconds / 60)).toFixed(0)} (${percent(scored.wordsPerMinuteError)})`,
        percent(scored.syllablesPerMinuteError),
        `${fixed(scored.metrics.pitch.medianHz)}/${fixed(scored.praatMedianHz)} (${percent(scored.f0Error)})`,
        fixed(scored.snrErrorDb),
        fixed(loudness.lufs, 2),
        fixed(loudness.lra, 2),
      ].join(" | "),
    );
  }

  console.log("\nPer condition (targets, on the held-out report split: pause F1 >= 0.9 clean and >= 0.8 at 10 dB; every wpm within 15 %; median F0 within 5 % of Praat)");
  console.log("split | condition | n | pause P / R / F1 | wpm mean abs err | wpm worst | syll/min mean abs err | F0 worst vs Praat | SNR mean err dB | LUFS worst vs ffmpeg");
  for (const split of ["report", "calibration", "extra"] as const) {
    for (const condition of CONDITIONS) {
      const indexes = results.flatMap((entry, index) => (entry.item.split === split && entry.item.condition === condition ? [index] : []));
      printSummary(`${split} | ${condition}`, indexes.map((index) => results[index]!), indexes.map((index) => loudnessErrors[index]!));
    }
    const indexes = results.flatMap((entry, index) => (entry.item.split === split ? [index] : []));
    printSummary(`${split} | all`, indexes.map((index) => results[index]!), indexes.map((index) => loudnessErrors[index]!));
  }

  // What server/analysis/rate-calibration.ts takes from this run: the constants from the calibration
  // split, the error bands from the report split.
  const calibration = results.filter((entry) => entry.item.split === "calibration");
  const reported = results.filter((entry) => entry.item.split === "report");
  const rates = calibration.map((entry) => entry.metrics.syllableCount / (entry.metrics.speakingMs / 60_000));
  console.log("\nCalibration (clips 1 and 3, all conditions), lines in the nuclei rate:");
  console.log(`  NUCLEI_PER_WORD = ${fitLine(rates, calibration.map((entry) => entry.metrics.syllableCount / entry.item.words))}`);
  console.log(`  NUCLEI_PER_SYLLABLE = ${fitLine(rates, calibration.map((entry) => entry.metrics.syllableCount / entry.item.syllables!))}`);
  const wpm = band(reported.map((entry) => entry.wordsPerMinuteError));
  const spm = band(reported.map((entry) => entry.syllablesPerMinuteError!));
  console.log("Error bands (report split, clips 2, 4 and 5, all conditions):");
  console.log(`  WORDS_PER_MINUTE_ERROR = { under: ${wpm.under}, over: ${wpm.over} }`);
  console.log(`  SYLLABLES_PER_MINUTE_ERROR = { under: ${spm.under}, over: ${spm.over} }`);
}

function printSummary(label: string, group: Scored[], loud: Array<{ lufs: number; lra: number }>): void {
  if (group.length === 0) return;
  const withPauses = group.filter((entry) => entry.pauseMatches);
  const pauses = withPauses.length ? pauseF1(withPauses) : undefined;
  const wpm = group.map((entry) => Math.abs(entry.wordsPerMinuteError));
  const syllables = group.flatMap((entry) => (entry.syllablesPerMinuteError === undefined ? [] : [Math.abs(entry.syllablesPerMinuteError)]));
  const f0 = group.flatMap((entry) => (entry.f0Error === undefined ? [] : [Math.abs(entry.f0Error)]));
  const snr = group.flatMap((entry) => (entry.snrErrorDb === undefined ? [] : [entry.snrErrorDb]));
  console.log(
    [
      label,
      group.length,
      pauses ? `${pauses.precision.toFixed(3)} / ${pauses.recall.toFixed(3)} / ${pauses.f1.toFixed(3)} (${pauses.truth} true)` : "-",
      percent(mean(wpm)),
      percent(Math.max(...wpm)),
      syllables.length ? percent(mean(syllables)) : "-",
      f0.length ? percent(Math.max(...f0)) : "-",
      snr.length ? fixed(mean(snr)) : "-",
      fixed(Math.max(...loud.map((entry) => Math.abs(entry.lufs))), 2),
    ].join(" | "),
  );
}

/** Least-squares line y = intercept + slope · x, printed as rate-calibration.ts takes it. */
function fitLine(x: number[], y: number[]): string {
  const mx = mean(x);
  const my = mean(y);
  const slope = sum(x.map((value, i) => (value - mx) * (y[i]! - my))) / sum(x.map((value) => (value - mx) ** 2));
  const intercept = my - slope * mx;
  return `{ intercept: ${intercept.toFixed(4)}, slope: ${slope.toExponential(4)}, minRate: ${Math.min(...x).toFixed(0)}, maxRate: ${Math.max(...x).toFixed(0)} }`;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const mean = (values: number[]) => sum(values) / values.length;
// The truth lay between estimate / (1 + over) and estimate / (1 − under) for every reported item.
const roundUp = (value: number) => (Math.ceil(value * 1000) / 1000).toFixed(3);
const band = (errors: number[]) => ({
  over: roundUp(Math.max(0, ...errors)),
  under: roundUp(Math.max(0, ...errors.map((error) => -error))),
});

await main();
