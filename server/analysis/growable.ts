import "server-only";

/** A Float32Array that grows by doubling: per-frame features of an hour take a few MB. */
export class GrowableFloat32 {
  private data = new Float32Array(4096);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  view(): Float32Array {
    return this.data.subarray(0, this.length);
  }
}
