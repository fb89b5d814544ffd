// WebM from Chrome's live recorder (MediaRecorder) states no duration: the segment and its clusters
// have unknown sizes, written as they were recorded. The length is where the last block ends: the
// last cluster's timecode plus its last block's relative time, plus that block's own length (read
// from the Opus packet's table of contents). The last clusters sit in the file's last kilobytes,
// so one ranged read of the tail finds them, as for fragmented MP4 (./fmp4.ts).

import "server-only";

const CLUSTER = [0x1f, 0x43, 0xb6, 0x75];
const TIMECODE_SCALE = [0x2a, 0xd7, 0xb1];
const ID_TIMECODE = 0xe7;
const ID_SIMPLE_BLOCK = 0xa3;
const ID_BLOCK_GROUP = 0xa0;
const ID_BLOCK = 0xa1;
const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;

/** A variable-length integer: its value (marker bit removed), its length, and whether all ones. */
function vint(bytes: Uint8Array, at: number) {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return null;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value, length, unknown: allOnes };
}

/** An element's id (marker kept, as the spec writes ids), where its body starts and its size. */
function element(bytes: Uint8Array, at: number) {
  const id = vint(bytes, at);
  if (!id || id.length > 4) return null;
  const size = vint(bytes, at + id.length);
  if (!size) return null;
  let idValue = 0;
  for (let i = 0; i < id.length; i++) idValue = idValue * 256 + bytes[at + i]!;
  const body = at + id.length + size.length;
  return { id: idValue, body, size: size.unknown ? null : size.value };
}

function uint(bytes: Uint8Array, from: number, size: number) {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[from + i]!;
  return value;
}

function indexOf(bytes: Uint8Array, pattern: number[], from = 0) {
  for (let at = from; at + pattern.length <= bytes.length; at++) {
    if (pattern.every((byte, i) => bytes[at + i] === byte)) return at;
  }
  return -1;
}

function lastIndexOf(bytes: Uint8Array, pattern: number[], before: number) {
  for (let at = Math.min(before, bytes.length - pattern.length); at >= 0; at--) {
    if (pattern.every((byte, i) => bytes[at + i] === byte)) return at;
  }
  return -1;
}

// Frame length in tenths of a millisecond for each Opus configuration (RFC 6716, section 3.1).
const OPUS_FRAME_TENTHS = [
  100, 200, 400, 600, 100, 200, 400, 600, 100, 200, 400, 600, 100, 200, 100, 200,
  25, 50, 100, 200, 25, 50, 100, 200, 25, 50, 100, 200, 25, 50, 100, 200,
];

function opusPacketMs(packet: Uint8Array): number | null {
  const toc = packet[0];
  if (toc === undefined) return null;
  const code = toc & 0x03;
  const frames = code === 0 ? 1 : code < 3 ? 2 : (packet[1] ?? 0) & 0x3f;
  return (OPUS_FRAME_TENTHS[toc >> 3]! * frames) / 10;
}

interface Block {
  time: number;
  packet: Uint8Array;
  laced: boolean;
}

/** The blocks of the cluster at `at`, with its timecode; null unless it parses as a cluster. */
function clusterBlocks(tail: Uint8Array, at: number) {
  const cluster = element(tail, at);
  if (!cluster || cluster.id !== 0x1f43b675) return null;
  const end = cluster.size === null ? tail.length : Math.min(tail.length, cluster.body + cluster.size);
  let timecode: number | null = null;
  const blocks: Block[] = [];
  for (let child = cluster.body; child < end; ) {
    const item = element(tail, child);
    if (!item || item.size === null || item.body + item.size > end) break;
    if (item.id === ID_TIMECODE) timecode = uint(tail, item.body, item.size);
    let block: { body: number; size: number } | null =
      item.id === ID_SIMPLE_BLOCK ? { body: item.body, size: item.size } : null;
    if (item.id === ID_BLOCK_GROUP) {
      const inner = element(tail, item.body);
      if (inner?.id === ID_BLOCK && inner.size !== null) block = { body: inner.body, size: inner.size };
    }
    if (block) {
      const track = vint(tail, block.body);
      if (!track) break;
      const header = block.body + track.length;
      const relative = new DataView(tail.buffer, tail.byteOffset + header, 2).getInt16(0);
      blocks.push({
        time: relative,
        packet: tail.subarray(header + 3, block.body + block.size),
        laced: (tail[header + 2]! & 0x06) !== 0,
      });
    }
    child = item.body + item.size;
  }
  if (timecode === null) return null;
  return { timecode, blocks };
}

/**
 * The duration in milliseconds of a WebM whose header states none, from its first bytes (`head`,
 * for the timecode scale and codec) and its last bytes (`tail`); null when the tail holds no
 * complete cluster with a block.
 */
export function webmDurationFromTailMs(head: Uint8Array, tail: Uint8Array): number | null {
  const scaleAt = indexOf(head, TIMECODE_SCALE);
  const scale = scaleAt >= 0 ? element(head, scaleAt) : null;
  const timecodeScaleNs = scale?.size ? uint(head, scale.body, scale.size) : DEFAULT_TIMECODE_SCALE_NS;
  const opus = indexOf(head, [...Buffer.from("A_OPUS")]) >= 0;

  for (let at = lastIndexOf(tail, CLUSTER, tail.length); at >= 0; at = lastIndexOf(tail, CLUSTER, at - 1)) {
    const cluster = clusterBlocks(tail, at);
    const last = cluster?.blocks.at(-1);
    if (!cluster || !last) continue;
    const previous = cluster.blocks.at(-2);
    const lastLengthMs =
      opus && !last.laced
        ? opusPacketMs(last.packet)
        : previous
          ? ((last.time - previous.time) * timecodeScaleNs) / 1e6
          : 0;
    const startMs = ((cluster.timecode + last.time) * timecodeScaleNs) / 1e6;
    return Math.round(startMs + (lastLengthMs ?? 0));
  }
  return null;
}
