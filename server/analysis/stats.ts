import "server-only";

export function percentileOfSorted(sorted: ArrayLike<number>, fraction: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * fraction;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function percentile(values: ArrayLike<number>, fraction: number): number {
  return percentileOfSorted(Float64Array.from(values).sort(), fraction);
}

export const toDb = (power: number) => 10 * Math.log10(power + 1e-12);
