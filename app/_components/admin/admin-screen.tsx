"use client";
import { useMemo, useState } from "react";
import { formatDate } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { AuditLog } from "./audit-log";
import { formatBytes } from "@/lib/format";
import { dollars, percent } from "./figures";
import { TrendChart } from "./trend-chart";
import { UploadSwitch } from "./upload-switch";

type Overview = RouterOutputs["admin"]["overview"];
const WINDOWS = [
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
] as const;

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold">{value}</dd>
      <dd className="text-xs text-slate-600">{detail}</dd>
    </div>
  );
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="w-full rounded-lg bg-white text-left text-sm">
      <caption className="p-2 text-left font-medium">{caption}</caption>
      <thead className="bg-slate-100">
        <tr>
          {head.map((cell) => (
            <th key={cell} scope="col" className="p-2">{cell}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={head.length} className="p-2 text-slate-600">Nothing yet.</td>
          </tr>
        )}
        {rows.map((row, index) => (
          <tr key={index} className="border-t border-slate-100">
            {row.map((cell, column) => (
              <td key={column} className="p-2">{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StorageTrend({ trend }: { trend: Overview["storage"]["trend"] }) {
  const days = useMemo(() => trend.map((day) => day.day), [trend]);
  const held = useMemo(
    () => [{ label: "Storage held (MB)", color: "#1d4ed8", values: trend.map((day) => day.bytesHeld / 1024 ** 2) }],
    [trend],
  );
  const activity = useMemo(
    () => [
      { label: "Uploads", color: "#15803d", values: trend.map((day) => day.uploads) },
      { label: "Plays", color: "#b45309", values: trend.map((day) => day.plays) },
    ],
    [trend],
  );
  return (
    <section aria-labelledby="trend-heading" className="space-y-2">
      <h2 id="trend-heading" className="text-lg font-semibold">Storage held and activity, last 30 days</h2>
      <TrendChart days={days} series={held} />
      <TrendChart days={days} series={activity} height={140} />
      <details>
        <summary className="cursor-pointer text-sm text-blue-700">Show as a table</summary>
        <Table
          caption="Daily usage"
          head={["Day", "Storage held", "Objects", "Uploads", "Plays", "Served (estimated)"]}
          rows={trend.map((day) => [
            day.day,
            formatBytes(day.bytesHeld),
            day.objects,
            day.uploads,
            day.plays,
            formatBytes(day.bytesServed),
          ])}
        />
      </details>
    </section>
  );
}

function OverviewPanels({ data }: { data: Overview }) {
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure
          label="Upload success"
          value={percent(data.uploads.rate)}
          detail={`${data.uploads.succeeded} ready, ${data.uploads.failed} refused, ${data.uploads.expired} expired`}
        />
        <Figure
          label="Playback success"
          value={percent(data.playback.rate)}
          detail={`${data.playback.started} started, ${data.playback.failed} failed`}
        />
        <Figure label="Storage held" value={formatBytes(data.storage.bytesHeld)} detail="ready and awaiting deletion" />
        <Figure
          label="Cost this month"
          value={dollars(data.cost.monthToDate)}
          detail={`projected ${dollars(data.cost.projected)} (storage ${dollars(data.cost.breakdown.storage)}, requests ${dollars(data.cost.breakdown.requests)}, transfer ${dollars(data.cost.breakdown.transfer)})`}
        />
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <Table
          caption="Failures by reason"
          head={["Reason", "Uploads"]}
          rows={data.failureReasons.map((row) => [row.reason, row.count])}
        />
        <Table
          caption="Play errors as browsers saw them"
          head={["MediaError", "Plays"]}
          rows={data.playback.errors.map((row) => [row.code, row.count])}
        />
      </div>
      <StorageTrend trend={data.storage.trend} />
      <div className="grid gap-4 md:grid-cols-2">
        <Table
          caption="Largest users by storage"
          head={["User", "Recordings", "Storage"]}
          rows={data.largestUsers.map((user) => [`${user.name} <${user.email}>`, user.recordings, formatBytes(user.bytes)])}
        />
        <div>
          <Table
            caption="Job queues"
            head={["Queue", "Waiting", "Running"]}
            rows={data.queues.map((queue) => [queue.queue, queue.waiting, queue.running])}
          />
          <p className="mt-1 text-sm text-slate-600">
            {data.oldestDeletionRequestedAt
              ? `Deletions pending since ${formatDate(data.oldestDeletionRequestedAt)}; ${data.deletionsRetrying} waiting for a retry.`
              : "No deletions pending."}
          </p>
        </div>
      </div>
    </>
  );
}

/** Operators' page: success rates, failures, storage and cost, queues, the upload switch, the audit log. */
export function AdminScreen() {
  const [window, setWindow] = useState<(typeof WINDOWS)[number]["value"]>("24h");
  const overview = api.admin.overview.useQuery({ window });
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Operations</h1>
      <UploadSwitch />
      <fieldset className="flex gap-2">
        <legend className="sr-only">Period</legend>
        {WINDOWS.map((option) => (
          <label key={option.value} className="flex items-center gap-1 rounded border border-slate-300 bg-white px-3 py-1 text-sm">
            <input type="radio" name="window" checked={window === option.value} onChange={() => setWindow(option.value)} />
            Last {option.label}
          </label>
        ))}
      </fieldset>
      {overview.error && <p role="alert" className="text-red-800">{overview.error.message}</p>}
      {overview.data ? <OverviewPanels data={overview.data} /> : <p aria-busy="true">Loading figures…</p>}
      <AuditLog />
    </div>
  );
}
