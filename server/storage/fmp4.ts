// Fragmented MP4 (what Safari and Chrome's MediaRecorder write) states no useful duration in its
// header: the length is where the last fragment ends. That is the last `moof`'s decode time
// (`tfdt`) plus the durations of its samples (`trun`, or the `tfhd`/`trex` default), over the
// track's timescale (`mdhd`). Both the header and the last fragment sit in a few kilobytes at the
// start and the end of the file, so two ranged reads find it.

import "server-only";

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

function u32(bytes: Uint8Array, at: number) {
  return new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
}

function u64(bytes: Uint8Array, at: number) {
  return Number(new DataView(bytes.buffer, bytes.byteOffset + at, 8).getBigUint64(0));
}

interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

function* children(bytes: Uint8Array, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = u32(bytes, at);
    let body = at + 8;
    if (size === 1 && at + 16 <= to) {
      size = u64(bytes, at + 8);
      body = at + 16;
    }
    if (size < 8 || at + size > to) return;
    yield { type: ascii(bytes, at + 4), start: at, body, end: at + size };
    at += size;
  }
}

function find(bytes: Uint8Array, path: string[], from = 0, to = bytes.length): Box | null {
  const [first, ...rest] = path;
  for (const box of children(bytes, from, to)) {
    if (box.type === first) return rest.length ? find(bytes, rest, box.body, box.end) : box;
  }
  return null;
}

/** True when the file's header announces fragments (an `mvex` box in `moov`). */
export function isFragmentedMp4(head: Uint8Array) {
  return find(head, ["moov", "mvex"]) !== null;
}

function timescale(head: Uint8Array) {
  const mdhd = find(head, ["moov", "trak", "mdia", "mdhd"]);
  if (!mdhd) return null;
  const version = head[mdhd.body]!;
  return u32(head, mdhd.body + (version === 1 ? 20 : 12));
}

function defaultSampleDuration(head: Uint8Array) {
  const trex = find(head, ["moov", "mvex", "trex"]);
  return trex ? u32(head, trex.body + 12) : 0;
}

/** Where the fragment whose `moof` box starts at `at` ends, in timescale units. */
function fragmentEnd(tail: Uint8Array, moof: Box, fallbackDuration: number) {
  const traf = find(tail, ["traf"], moof.body, moof.end);
  if (!traf) return null;
  const tfdt = find(tail, ["tfdt"], traf.body, traf.end);
  const tfhd = find(tail, ["tfhd"], traf.body, traf.end);
  const trun = find(tail, ["trun"], traf.body, traf.end);
  if (!tfdt || !tfhd || !trun) return null;
  const start = tail[tfdt.body] === 1 ? u64(tail, tfdt.body + 4) : u32(tail, tfdt.body + 4);

  const tfhdFlags = u32(tail, tfhd.body) & 0xffffff;
  let offset = tfhd.body + 8 + (tfhdFlags & 0x1 ? 8 : 0) + (tfhdFlags & 0x2 ? 4 : 0);
  const defaultDuration = tfhdFlags & 0x8 ? u32(tail, offset) : fallbackDuration;

  const trunFlags = u32(tail, trun.body) & 0xffffff;
  const count = u32(tail, trun.body + 4);
  offset = trun.body + 8 + (trunFlags & 0x1 ? 4 : 0) + (trunFlags & 0x4 ? 4 : 0);
  const fieldsPerSample = [0x100, 0x200, 0x400, 0x800].filter((flag) => trunFlags & flag).length;
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += trunFlags & 0x100 ? u32(tail, offset + i * fieldsPerSample * 4) : defaultDuration;
  }
  return start + total;
}

/**
 * The length of a fragmented MP4 from its first bytes (holding `moov`) and its last bytes
 * (holding the last `moof`); null when either is not there to read.
 */
export function fragmentedMp4DurationMs(head: Uint8Array, tail: Uint8Array): number | null {
  const scale = timescale(head);
  if (!scale) return null;
  // The tail starts mid-file, so look for the last position that really opens a `moof`
  // (its first child is `mfhd`) rather than walking boxes from its first byte.
  for (let at = tail.length - 16; at >= 0; at--) {
    if (ascii(tail, at + 4) !== "moof" || ascii(tail, at + 12) !== "mfhd") continue;
    const size = u32(tail, at);
    if (at + size > tail.length) continue;
    const end = fragmentEnd(tail, { type: "moof", start: at, body: at + 8, end: at + size }, defaultSampleDuration(head));
    return end === null ? null : Math.round((end / scale) * 1000);
  }
  return null;
}
