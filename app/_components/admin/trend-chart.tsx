"use client";
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

interface Series {
  label: string;
  values: number[];
  color: string;
}

/**
 * A small uPlot line chart over days, drawn for sighted readers; the same figures are in the table
 * next to it (the chart is aria-hidden so screen readers meet the table only).
 */
export function TrendChart({ days, series, height = 180 }: { days: string[]; series: Series[]; height?: number }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element || days.length === 0) return;
    const x = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
    const chart = new uPlot(
      {
        width: element.clientWidth || 600,
        height,
        series: [{}, ...series.map((line) => ({ label: line.label, stroke: line.color, width: 2 }))],
        axes: [{}, { size: 70 }],
      },
      [x, ...series.map((line) => line.values)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series, height]);

  return <div ref={host} aria-hidden="true" className="w-full" />;
}
