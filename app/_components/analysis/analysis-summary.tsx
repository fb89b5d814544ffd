import type { RouterOutputs } from "@/app/_trpc/types";
import { formatNumber } from "@/app/_lib/analysis/bands";
import { Sparkline } from "./sparkline";

type Summary = NonNullable<RouterOutputs["recording"]["list"]["items"][number]["analysis"]>;

/** A history card's line about the analysis: a small waveform, the pace and the pauses. */
export function AnalysisSummary({ summary, title }: { summary: Summary; title: string }) {
  if (summary.status === "pending" || summary.status === "running") {
    return <p className="text-sm text-slate-600">Analysing…</p>;
  }
  if (summary.status === "failed") return <p className="text-sm text-slate-600">The analysis failed; open the recording for the reason.</p>;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      {summary.sparkline.length > 0 && <Sparkline values={summary.sparkline} label={`Waveform of ${title}`} />}
      {summary.wordsPerMinute !== null && (
        <span>
          Pace <strong className="tabular-nums">{formatNumber(summary.wordsPerMinute)}</strong> words/min
        </span>
      )}
      {summary.pausesPerMinute !== null && (
        <span>
          <strong className="tabular-nums">{formatNumber(summary.pausesPerMinute, 1)}</strong> pauses/min
        </span>
      )}
    </div>
  );
}
