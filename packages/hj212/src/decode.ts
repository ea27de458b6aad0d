import { type DecodeContext, pickDecoder, tolerate } from './context.js';
import { crcHex } from './crc.js';
import { type DecodeError, ErrorCode, fail } from './errors.js';
import { scanSegment, tape } from './scan.js';
import { parseSegment } from './segment.js';
import { digitsAt } from './text.js';
import type { DecodeOptions, Packet, Tolerance } from './types.js';

export interface DecodeSuccess {
  ok: true;
  packet: Packet;
  /** Deviations from the standard that were accepted (always empty in strict mode). */
  tolerances: Tolerance[];
}
export type DecodeResult = DecodeSuccess | DecodeError;

/** The standard's maximum data segment length. */
export const MAX_LENGTH = 1024;
/** What four digits can say; the tolerant default. */
export const MAX_LENGTH_TOLERANT = 9999;

const encoder = new TextEncoder();

/**
 * Decode one packet, `##LLLL<data>CCCC\r\n`, from bytes (or a string, read as UTF-8).
 * Never throws on bad input: failures come back as `{ ok: false, code, offset, message }`.
 */
export function decode(input: Uint8Array | string, opts: DecodeOptions = {}): DecodeResult {
  const b = typeof input === 'string' ? encoder.encode(input) : input;
  const strict = opts.strict === true;
  const max = opts.maxLength ?? (strict ? MAX_LENGTH : MAX_LENGTH_TOLERANT);
  const ctx: DecodeContext = { b, strict, tolerances: [], decoder: null, tape, count: 0 };
  const n = b.length;
  if (n < 2 || b[0] !== 0x23 || b[1] !== 0x23)
    return fail(ErrorCode.BAD_HEADER, 0, 'packet must start with ##');
  const len = n >= 6 ? digitsAt(b, 2, 4) : -1;
  if (len < 0) return fail(ErrorCode.BAD_LENGTH, 2, 'length must be 4 decimal digits');
  if (len > max || (strict && len > MAX_LENGTH)) {
    return fail(ErrorCode.TOO_LONG, 2, `length ${len} is over the maximum ${strict ? MAX_LENGTH : max}`);
  }
  if (len > MAX_LENGTH) tolerate(ctx, 'LENGTH_OVER_1024', 2, String(len));
  let end = n;
  if (n >= 2 && b[n - 2] === 0x0d && b[n - 1] === 0x0a) end = n - 2;
  else if (strict) return fail(ErrorCode.BAD_TRAILER, n, 'packet must end with CRLF');
  if (end - 10 !== len) {
    return fail(
      ErrorCode.LENGTH_MISMATCH,
      2,
      `length says ${len} bytes, data segment has ${Math.max(0, end - 10)}`,
    );
  }
  if (end === n) tolerate(ctx, 'MISSING_CRLF', n);
  const dataEnd = 6 + len;
  const declared = parseCrc(ctx, dataEnd);
  if (declared < 0) return fail(ErrorCode.CRC_MISMATCH, dataEnd, 'CRC must be 4 hex digits');
  const scan = scanSegment(b, 6, dataEnd);
  if (scan.crc !== declared) {
    return fail(
      ErrorCode.CRC_MISMATCH,
      dataEnd,
      `CRC says ${crcHex(declared)}, data gives ${crcHex(scan.crc)}`,
    );
  }
  ctx.count = scan.count;
  if (scan.bits & 0x80) {
    const problem = pickDecoder(ctx, 6, dataEnd);
    if (problem !== null) return fail(ErrorCode.BAD_TEXT, firstHigh(b, 6), problem);
  }
  const packet = parseSegment(ctx, 6, dataEnd);
  if ('ok' in packet) return packet;
  return { ok: true, packet, tolerances: ctx.tolerances };
}

function firstHigh(b: Uint8Array, from: number): number {
  let i = from;
  while (i < b.length && b[i]! < 0x80) i++;
  return i;
}

/** The declared CRC at `at`, or -1. Lowercase hex is a tolerance. */
function parseCrc(ctx: DecodeContext, at: number): number {
  let v = 0;
  let lower = false;
  for (let i = at; i < at + 4; i++) {
    const c = ctx.b[i]!;
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
    else if (c >= 0x61 && c <= 0x66) {
      d = c - 0x57;
      lower = true;
    } else return -1;
    v = (v << 4) | d;
  }
  if (lower) {
    if (ctx.strict) return -1;
    tolerate(ctx, 'LOWERCASE_CRC', at);
  }
  return v;
}
