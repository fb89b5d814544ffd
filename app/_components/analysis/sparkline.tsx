/** A card-sized waveform: one bar per value (0..1), mirrored about the middle. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  return (
    <svg role="img" aria-label={label} viewBox={`0 -1 ${values.length} 2`} preserveAspectRatio="none" className="h-8 w-32 shrink-0 sm:w-40">
      {values.map((value, index) => {
        const height = Math.max(value, 0.04);
        return <rect key={index} x={index + 0.15} width={0.7} y={-height} height={height * 2} className="fill-blue-500" />;
      })}
    </svg>
  );
}
