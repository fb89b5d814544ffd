/**
 * The length to show and seek within: the element's own when it knows it, else the duration the
 * server read from the container. Chrome's recorder writes WebM without one, so the element
 * reports Infinity for those.
 */
export function effectiveDuration(elementDuration: number, storedDurationMs: number | null | undefined): number | null {
  if (Number.isFinite(elementDuration) && elementDuration > 0) return elementDuration;
  if (storedDurationMs != null && storedDurationMs > 0) return storedDurationMs / 1000;
  return null;
}

/** Seconds of the recording buffered, as [start, end] pairs. */
export function bufferedRanges(buffered: TimeRanges): [number, number][] {
  return Array.from({ length: buffered.length }, (_, i) => [buffered.start(i), buffered.end(i)] as [number, number]);
}

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;
export const SKIP_SECONDS = 10;
/** Refresh a playback URL this long before it expires rather than risk a failed request. */
export const URL_SAFETY_MARGIN_MS = 5_000;
