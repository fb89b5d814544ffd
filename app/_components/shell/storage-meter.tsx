"use client";
import { api } from "@/app/_trpc/client";
import { formatBytes } from "@/lib/format";

export function StorageMeter({ id = "storage-meter", className = "hidden w-40 min-w-0 lg:block" }: { id?: string; className?: string }) {
  const usage = api.recording.usage.useQuery();
  if (!usage.data) return null;
  const { bytesUsed, quotaBytes, bytesSaved } = usage.data;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs text-slate-600">
        Storage: {formatBytes(bytesUsed)} of {formatBytes(quotaBytes)}
      </label>
      <meter id={id} min={0} max={quotaBytes} value={bytesUsed} high={quotaBytes * 0.9} className="h-2 w-full" />
      {bytesSaved > 0 && <p className="text-xs text-slate-600">Compression saved {formatBytes(bytesSaved)}</p>}
    </div>
  );
}
