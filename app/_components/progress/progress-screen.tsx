"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { BANDS, formatNumber } from "@/app/_lib/analysis/bands";
import { formatDate } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { StudentPicker } from "../coaching/student-picker";
import { TrendChart, type TrendPoint } from "./trend-chart";

type Point = RouterOutputs["progress"]["series"]["points"][number];

const RANGES = [
  { value: "30", label: "Last 30 days", days: 30 },
  { value: "90", label: "Last 90 days", days: 90 },
  { value: "365", label: "Last 12 months", days: 365 },
  { value: "all", label: "All time", days: null },
] as const;

const DAY_MS = 86_400_000;
const seconds = (date: Date) => date.getTime() / 1000;
const figure = (value: number | null, digits = 0) => (value === null ? "—" : formatNumber(value, digits));

function useTrends(points: Point[]) {
  return useMemo(
    () => ({
      pace: points.map((point): TrendPoint => ({
        time: seconds(point.date),
        value: point.wordsPerMinute?.estimate ?? null,
        low: point.wordsPerMinute?.low,
        high: point.wordsPerMinute?.high,
      })),
      pauses: points.map((point): TrendPoint => ({ time: seconds(point.date), value: point.pausesPerMinute })),
      pitch: points.map((point): TrendPoint => ({ time: seconds(point.date), value: point.pitchVariationSemitones })),
      loudness: points.map((point): TrendPoint => ({ time: seconds(point.date), value: point.integratedLufs })),
    }),
    [points],
  );
}

function ProgressTable({ points }: { points: Point[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="p-3 text-left font-medium">Every analysed recording</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="p-2">Recorded</th>
            <th scope="col" className="p-2">Recording</th>
            <th scope="col" className="p-2">Pace (words/min)</th>
            <th scope="col" className="p-2">Pauses/min</th>
            <th scope="col" className="p-2">Pitch variation (semitones)</th>
            <th scope="col" className="p-2">Loudness (LUFS)</th>
          </tr>
        </thead>
        <tbody>
          {[...points].reverse().map((point) => (
            <tr key={point.recordingId} className="border-t border-slate-200">
              <td className="whitespace-nowrap p-2">{formatDate(point.date)}</td>
              <th scope="row" className="p-2 font-normal">
                <Link href={`/recordings/${point.recordingId}`} className="text-blue-700 underline">
                  {point.title}
                </Link>
              </th>
              <td className="whitespace-nowrap p-2 tabular-nums">
                {point.wordsPerMinute
                  ? `${formatNumber(point.wordsPerMinute.estimate)} (${formatNumber(point.wordsPerMinute.low)}–${formatNumber(point.wordsPerMinute.high)})`
                  : "—"}
              </td>
              <td className="p-2 tabular-nums">{figure(point.pausesPerMinute, 1)}</td>
              <td className="p-2 tabular-nums">{figure(point.pitchVariationSemitones, 1)}</td>
              <td className="p-2 tabular-nums">{figure(point.integratedLufs, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Pace, pauses, pitch variation and loudness over time, for oneself or (for a coach) a student. */
export function ProgressScreen({ isCoach }: { isCoach: boolean }) {
  const studentId = useSearchParams().get("student") ?? undefined;
  const [range, setRange] = useState<(typeof RANGES)[number]["value"]>("all");
  // The start of the range is fixed when it is chosen, so the query key stays put between renders.
  const [from, setFrom] = useState<Date | undefined>(undefined);
  const students = api.coach.students.useQuery(undefined, { enabled: isCoach });
  const series = api.progress.series.useQuery({ ownerId: studentId, from });
  const points = useMemo(() => series.data?.points ?? [], [series.data]);
  const trends = useTrends(points);
  const viewing = students.data?.find((student) => student.id === studentId);

  const chooseRange = (value: (typeof RANGES)[number]["value"]) => {
    setRange(value);
    const days = RANGES.find((option) => option.value === value)?.days ?? null;
    setFrom(days === null ? undefined : new Date(Date.now() - days * DAY_MS));
  };

  return (
    <section aria-labelledby="progress-heading" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 id="progress-heading" className="text-2xl font-semibold">
          {viewing ? `${viewing.name}'s progress` : "Your progress"}
        </h1>
        <div className="flex flex-wrap gap-3 text-sm">
          {isCoach && (students.data?.length ?? 0) > 0 && (
            <StudentPicker label="Show progress of" path="/progress" studentId={studentId} students={students.data ?? []} />
          )}
          <label>
            <span className="mr-2 font-medium">Period</span>
            <select value={range} onChange={(event) => chooseRange(event.target.value as typeof range)} className="rounded border border-slate-300 px-2 py-1">
              {RANGES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {series.isPending ? (
        <p aria-busy="true" className="text-sm text-slate-600">
          Loading progress…
        </p>
      ) : series.isError ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4">
          <p className="text-red-800">Could not load the progress: {series.error.message}</p>
          <button type="button" onClick={() => void series.refetch()} className="mt-2 rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white">
            Try again
          </button>
        </div>
      ) : points.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">No analysed recordings {range === "all" ? "yet" : "in this period"}.</p>
          <p className="mt-1 text-sm text-slate-600">Each recording is analysed after it uploads; its figures then appear here.</p>
        </div>
      ) : (
        <>
          {series.data.truncated && <p className="text-sm text-slate-600">Showing the latest {points.length} recordings.</p>}
          <div className="grid gap-4 lg:grid-cols-2">
            <TrendChart label="Pace" unit="words per minute" points={trends.pace} band={BANDS.pace} digits={0} />
            <TrendChart label="Pauses per minute" unit="pauses per minute" points={trends.pauses} band={BANDS.pauses} digits={0} />
            <TrendChart label="Pitch variation" unit="semitones" points={trends.pitch} band={BANDS.pitch} digits={1} />
            <TrendChart label="Loudness" unit="LUFS" points={trends.loudness} band={BANDS.loudness} digits={0} />
          </div>
          <p className="text-sm text-slate-600">
            The shaded band on each chart is what listeners expect; grey whiskers on pace show the range of each estimate.
          </p>
          <ProgressTable points={points} />
        </>
      )}
    </section>
  );
}
