"use client";
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Band } from "@/app/_lib/analysis/bands";

export interface TrendPoint {
  /** Seconds since the epoch. */
  time: number;
  value: number | null;
  low?: number;
  high?: number;
}

interface TrendChartProps {
  label: string;
  unit: string;
  points: TrendPoint[];
  band: Band;
  digits: number;
}

const HEIGHT = 200;
const BAND_FILL = "rgba(16, 185, 129, 0.15)";
const LINE = "#2563eb";
const RANGE = "#94a3b8";
const DAY = 86_400;
// One recording a day at most is worth a tick: never hours.
const DAY_STEPS = [1, 2, 7, 14, 30, 91, 182, 365].map((days) => days * DAY);
const SHORT_DATE = new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });

/** The target band behind the line, and each point's measured range as a whisker. */
function drawBandAndRanges(band: Band, points: TrendPoint[]) {
  return {
    drawClear: [
      (chart: uPlot) => {
        const { ctx, bbox } = chart;
        const top = chart.valToPos(band.high, "y", true);
        const bottom = chart.valToPos(band.low, "y", true);
        ctx.save();
        ctx.fillStyle = BAND_FILL;
        ctx.fillRect(bbox.left, Math.max(bbox.top, top), bbox.width, Math.min(bbox.top + bbox.height, bottom) - Math.max(bbox.top, top));
        ctx.restore();
      },
    ],
    draw: [
      (chart: uPlot) => {
        const { ctx } = chart;
        ctx.save();
        ctx.strokeStyle = RANGE;
        ctx.lineWidth = 2 * devicePixelRatio;
        for (const point of points) {
          if (point.low === undefined || point.high === undefined) continue;
          const x = chart.valToPos(point.time, "x", true);
          ctx.beginPath();
          ctx.moveTo(x, chart.valToPos(point.low, "y", true));
          ctx.lineTo(x, chart.valToPos(point.high, "y", true));
          ctx.stroke();
        }
        ctx.restore();
      },
    ],
  };
}

/** One measure over time, drawn with uPlot; it follows its container's width. */
export function TrendChart({ label, unit, points, band, digits }: TrendChartProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current!;
    const values = points.flatMap((point) => [point.value, point.low, point.high]).filter((value): value is number => value != null);
    const yMin = Math.min(band.low, ...values);
    const yMax = Math.max(band.high, ...values);
    const pad = (yMax - yMin) * 0.1 || 1;
    const chart = new uPlot(
      {
        width: element.clientWidth,
        height: HEIGHT,
        legend: { show: false },
        cursor: { y: false },
        scales: {
          // Room either side, so the first and last points are drawn whole.
          x: { time: true, range: (_chart, min, max) => [min - Math.max((max - min) * 0.05, DAY / 2), max + Math.max((max - min) * 0.05, DAY / 2)] },
          y: { range: [yMin - pad, yMax + pad] },
        },
        axes: [
          { size: 32, space: 70, incrs: DAY_STEPS, values: (_chart, ticks) => ticks.map((tick) => SHORT_DATE.format(new Date(tick * 1000))) },
          { size: 48, values: (_chart, ticks) => ticks.map((tick) => tick.toFixed(digits).replace("-", "−")) },
        ],
        series: [{}, { label, stroke: LINE, width: 2, points: { show: true, size: 7, fill: LINE }, spanGaps: true }],
        hooks: drawBandAndRanges(band, points),
      },
      [points.map((point) => point.time), points.map((point) => point.value)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [band, digits, label, points]);

  const latest = points.findLast((point) => point.value !== null);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="text-sm font-medium">{label}</figcaption>
      <div
        ref={container}
        role="img"
        aria-label={`${label} over ${points.length} recordings${latest?.value != null ? `, latest ${latest.value.toFixed(digits)} ${unit}` : ""}; the shaded band is the target`}
        className="mt-2 w-full overflow-hidden"
      />
    </figure>
  );
}
