import { CRC_TABLE } from './crc.js';

// Stage one of decoding, fused with the CRC (after simdjson's structural index). The CRC is a
// chain of dependent table lookups, a few cycles of latency per byte during which the CPU has idle
// execution units; the rest of this loop runs in that shadow, branch-free:
// - the position of every delimiter `; , = - &` goes to a tape (about one byte in six), so the
//   parser walks the tape instead of every byte;
// - each tape entry also gets the last eight bytes of the token that the delimiter ends, packed in
//   two integers, so the parser recognises names (`QN`, `Min`, `ZsAvg`), compares pollutant codes,
//   finds cached strings and reads short decimals (`12.534`) from integers instead of bytes.
// Measured on a 10-pollutant minute packet: the loop costs about 5% more than the bare CRC.

// Module-local constants (not imports or exports): the optimising compiler can then embed their
// addresses and lengths in the loop instead of reloading and re-checking them on every byte.
const TABLE = CRC_TABLE;

/**
 * For each byte value: 0 for the delimiters the parser needs to find, `; , = - &` (the token words
 * start over after one, and `n += k + 1` advances the tape), -1 (all ones) for any other byte.
 */
const KEEP = /* @__PURE__ */ (() => {
  const t = new Int32Array(256).fill(-1);
  for (const c of ';,=-&') t[c.charCodeAt(0)] = 0;
  return t;
})();

// A data segment is at most 9999 bytes, so 10,000 entries always suffice.
const TAPE = new Int32Array(10_000);
const LO = new Int32Array(10_000);
const HI = new Int32Array(10_000);

/**
 * The tape, valid until the next scan (decoding is synchronous, so nothing else scans in between).
 * Entry `k` is a delimiter at `pos[k]`; the token it ends runs from the previous delimiter (or the
 * start of the segment) to it, and its last four bytes are `lo[k]` (big-endian, the last byte
 * lowest; fewer bytes when the token is shorter), the four before those `hi[k]`. A token of up to
 * eight bytes is therefore known exactly from its length and these two integers.
 */
export const tape = { pos: TAPE, lo: LO, hi: HI };
export type Tape = typeof tape;

export interface ScanResult {
  crc: number;
  /** OR of all bytes: bit 7 set means non-ASCII text is present. */
  bits: number;
  /** Delimiters written to the tape, entries `[0, count)`. */
  count: number;
}

const result: ScanResult = { crc: 0, bits: 0, count: 0 };

/**
 * CRC of `[s, e)` and the delimiter tape in one pass. Returns a shared object, valid until the
 * next call.
 */
export function scanSegment(b: Uint8Array, s: number, e: number): ScanResult {
  const table = TABLE;
  const keep = KEEP;
  const pos = TAPE;
  const lo = LO;
  const hi = HI;
  let reg = 0xffff;
  let bits = 0;
  let n = 0;
  let w = 0;
  let w2 = 0;
  let i = s;
  // Two bytes per iteration: the loop's own checks are paid once per pair.
  for (; i + 1 < e; i += 2) {
    const c = b[i]!;
    const d = b[i + 1]!;
    reg = table[(reg >>> 8) ^ c]!;
    bits |= c | d;
    // Written always, kept (by advancing n) only at delimiters: no branch to mispredict.
    pos[n] = i;
    lo[n] = w;
    hi[n] = w2;
    let k = keep[c]!;
    w2 = ((w2 << 8) | (w >>> 24)) & k;
    w = ((w << 8) | c) & k;
    n += k + 1; // k is -1, or 0 at a delimiter
    reg = table[(reg >>> 8) ^ d]!;
    pos[n] = i + 1;
    lo[n] = w;
    hi[n] = w2;
    k = keep[d]!;
    w2 = ((w2 << 8) | (w >>> 24)) & k;
    w = ((w << 8) | d) & k;
    n += k + 1;
  }
  if (i < e) {
    const c = b[i]!;
    reg = table[(reg >>> 8) ^ c]!;
    bits |= c;
    pos[n] = i;
    lo[n] = w;
    hi[n] = w2;
    n += keep[c]! + 1;
  }
  result.crc = reg;
  result.bits = bits;
  result.count = n;
  return result;
}
