import type { RouterOutputs } from "@/app/_trpc/types";

type RecordingStatus = RouterOutputs["recording"]["byId"]["status"];

const BADGES: Record<string, { label: string; className: string }> = {
  PENDING: { label: "Processing", className: "bg-amber-100 text-amber-900" },
  READY: { label: "Ready", className: "bg-green-100 text-green-900" },
  FAILED: { label: "Failed", className: "bg-red-100 text-red-900" },
  EXPIRED: { label: "Failed", className: "bg-red-100 text-red-900" },
  NO_AUDIO: { label: "No audio", className: "bg-slate-200 text-slate-800" },
};

export function StatusBadge({ status, hasAudio }: { status: RecordingStatus; hasAudio: boolean }) {
  const badge = BADGES[hasAudio ? status : "NO_AUDIO"] ?? BADGES.FAILED!;
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${badge.className}`}>{badge.label}</span>;
}
