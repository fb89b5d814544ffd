/**
 * Follows a microphone stream's loudness for a level meter: `onLevel` gets 0–1 once a frame.
 * Returns the function that stops it.
 */
export function watchInputLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let frame = 0;
  const measure = () => {
    analyser.getFloatTimeDomainData(samples);
    const rms = Math.sqrt(samples.reduce((sum, value) => sum + value * value, 0) / samples.length);
    // Speech at a normal distance sits around 0.1–0.25 RMS: scaled so it fills most of the meter.
    onLevel(Math.min(1, rms * 4));
    frame = requestAnimationFrame(measure);
  };
  measure();
  return () => {
    cancelAnimationFrame(frame);
    void context.close();
  };
}
