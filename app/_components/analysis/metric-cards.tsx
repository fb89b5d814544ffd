"use client";
import type { ReactNode } from "react";
import { BANDS, bandText, formatNumber, verdictOf, verdictWords, type Measure, type Verdict } from "@/app/_lib/analysis/bands";
import { formatClock } from "@/app/_lib/time";
import type { RouterOutputs } from "@/app/_trpc/types";
import type { Span } from "./waveform-seek";

type Metrics = NonNullable<RouterOutputs["recording"]["analysis"]["metrics"]>;

const seconds = (ms: number) => `${formatNumber(ms / 1000, 1)} s`;
const VERDICT_STYLE: Record<Verdict, string> = {
  within: "bg-emerald-100 text-emerald-900",
  below: "bg-amber-100 text-amber-900",
  above: "bg-amber-100 text-amber-900",
};

function Card({
  measure,
  title,
  figure,
  verdict,
  children,
}: {
  measure: Measure;
  title: string;
  figure: ReactNode;
  verdict: Verdict | null;
  children: ReactNode;
}) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-sm font-medium text-slate-600">{title}</h3>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{figure}</p>
      {verdict && <p className={`mt-2 inline-block rounded px-2 py-0.5 text-sm font-medium ${VERDICT_STYLE[verdict]}`}>{verdictWords(measure, verdict)}</p>}
      <p className="mt-2 text-sm text-slate-600">Listeners expect {bandText(BANDS[measure])}.</p>
      <div className="mt-2 space-y-2 text-sm text-slate-800">{children}</div>
    </section>
  );
}

function Moments({ label, spans, describe, onSeek }: { label: string; spans: Span[]; describe: (span: Span) => string; onSeek: (seconds: number) => void }) {
  if (spans.length === 0) return null;
  return (
    <ul aria-label={label} className="flex max-h-32 flex-wrap gap-1.5 overflow-y-auto">
      {spans.map((span) => (
        <li key={span.startMs}>
          <button
            type="button"
            onClick={() => onSeek(span.startMs / 1000)}
            aria-label={describe(span)}
            className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs hover:bg-slate-200"
          >
            {formatClock(span.startMs / 1000)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The measured figures in plain words, each beside the band a listener expects. */
export function MetricCards({ metrics, onSeek }: { metrics: Metrics; onSeek: (seconds: number) => void }) {
  const { wordsPerMinute: pace, pauses, loudness, pitch } = metrics;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Card measure="pace" title="Pace" verdict={verdictOf(BANDS.pace, pace.estimate, pace)} figure={`${formatNumber(pace.estimate)} words per minute`}>
        <p>
          Likely between {formatNumber(pace.low)} and {formatNumber(pace.high)} words per minute (estimated from syllables, about{" "}
          {formatNumber(metrics.syllablesPerMinute.estimate)} a minute while speaking).
        </p>
      </Card>

      <Card measure="pauses" title="Pauses" verdict={verdictOf(BANDS.pauses, pauses.perMinute)} figure={`${formatNumber(pauses.perMinute, 1)} pauses per minute`}>
        <p>
          {pauses.count} {pauses.count === 1 ? "pause" : "pauses"} of a quarter second or more
          {pauses.count > 0 && `, ${seconds(pauses.totalMs)} in all, the longest ${seconds(pauses.longestMs)}`}. You speak for{" "}
          {seconds(pauses.meanRunMs)} between pauses on average.
        </p>
        <Moments
          label="Pauses: play from one"
          spans={pauses.items}
          describe={(span) => `Play from the pause at ${formatClock(span.startMs / 1000)} (${seconds(span.endMs - span.startMs)})`}
          onSeek={onSeek}
        />
      </Card>

      <Card
        measure="loudness"
        title="Loudness"
        verdict={loudness.integratedLufs === null ? null : verdictOf(BANDS.loudness, loudness.integratedLufs)}
        figure={loudness.integratedLufs === null ? "Too quiet to measure" : `${formatNumber(loudness.integratedLufs, 1)} LUFS`}
      >
        <p>
          {loudness.rangeLu !== null && `It varies over ${formatNumber(loudness.rangeLu, 1)} LU. `}
          {loudness.snrDb !== null && `Your voice is ${formatNumber(loudness.snrDb)} dB above the background noise. `}
          {loudness.clippedRatio > 0.001
            ? `${formatNumber(loudness.clippedRatio * 100, 1)}% of the audio is clipped: record a little further from the microphone.`
            : "No clipping."}
        </p>
      </Card>

      <Card
        measure="pitch"
        title="Pitch variation"
        verdict={pitch.variationSemitones === null ? null : verdictOf(BANDS.pitch, pitch.variationSemitones)}
        figure={pitch.variationSemitones === null ? "Not enough voiced speech" : `${formatNumber(pitch.variationSemitones, 1)} semitones`}
      >
        <p>
          {pitch.medianHz !== null && `Your voice centres on ${formatNumber(pitch.medianHz)} Hz. `}
          {pitch.monotone.length === 0
            ? "No flat stretches of 8 seconds or more."
            : `${pitch.monotone.length} flat ${pitch.monotone.length === 1 ? "stretch" : "stretches"} of 8 seconds or more:`}
        </p>
        <Moments
          label="Flat stretches: play from one"
          spans={pitch.monotone}
          describe={(span) => `Play the flat stretch from ${formatClock(span.startMs / 1000)} to ${formatClock(span.endMs / 1000)}`}
          onSeek={onSeek}
        />
      </Card>
    </div>
  );
}
