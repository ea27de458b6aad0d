import { MAX_LENGTH_TOLERANT } from './decode.js';

// Push-style framer for a TCP byte stream (after pg-protocol's parser): feed chunks as they
// arrive, get back whole frames and reports of what was skipped. Decisions are made only once the
// bytes that decide them have arrived, so the events do not depend on how the stream was cut.
// Memory is bounded: at most one partial frame (maxLength + 12 bytes) is kept between pushes;
// garbage is counted, not kept.

export type SkipReason =
  /** Bytes outside any frame (before a `##`). */
  | 'GARBAGE'
  /** `##` not followed by four digits. */
  | 'BAD_LENGTH'
  /** A length over the maximum. */
  | 'TOO_LONG'
  /** The length lies and no CRLF ends the frame before the next `##`. */
  | 'LENGTH_MISMATCH'
  /** The stream ended inside a frame. */
  | 'INCOMPLETE';

export type FramerEvent =
  /** `bytes` runs from `##` through CRLF (or through the CRC when the CRLF is missing). */
  | { type: 'frame'; bytes: Uint8Array; offset: number }
  | { type: 'skip'; reason: SkipReason; offset: number; length: number };

export interface FramerOptions {
  /** Largest data segment a frame may declare; default 9999 (use 1024 to be strict). */
  maxLength?: number;
}

const HASH = 0x23;
const CR = 0x0d;
const LF = 0x0a;
const EMPTY = new Uint8Array(0);

/** First `##` at or after `from` with both bytes before `to`, or -1. */
function findHash(b: Uint8Array, from: number, to: number): number {
  for (let i = b.indexOf(HASH, from); i >= 0 && i + 1 < to; i = b.indexOf(HASH, i + 1)) {
    if (b[i + 1] === HASH) return i;
  }
  return -1;
}

/** First CRLF at or after `from` with both bytes before `to`, or -1. */
function findCrlf(b: Uint8Array, from: number, to: number): number {
  for (let i = b.indexOf(CR, from); i >= 0 && i + 1 < to; i = b.indexOf(CR, i + 1)) {
    if (b[i + 1] === LF) return i;
  }
  return -1;
}

function lengthAt(b: Uint8Array, i: number): number {
  let v = 0;
  for (let k = i; k < i + 4; k++) {
    const d = b[k]! - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

export class Framer {
  private buf: Uint8Array = EMPTY;
  /** Stream offset of buf[0]. */
  private base = 0;
  private pending: { type: 'skip'; reason: SkipReason; offset: number; length: number } | null = null;
  private readonly max: number;
  private events: FramerEvent[] = [];

  constructor(opts: FramerOptions = {}) {
    this.max = opts.maxLength ?? MAX_LENGTH_TOLERANT;
  }

  /** Feed the next chunk. Frames are views into the pushed bytes; copy them to keep them past a reuse. */
  push(chunk: Uint8Array): FramerEvent[] {
    if (this.buf.length === 0) this.buf = chunk;
    else {
      const joined = new Uint8Array(this.buf.length + chunk.length);
      joined.set(this.buf);
      joined.set(chunk, this.buf.length);
      this.buf = joined;
    }
    return this.scan(false);
  }

  /** The stream ended: flush a frame missing only its CRLF and report whatever else is left. */
  end(): FramerEvent[] {
    const out = this.scan(true);
    this.buf = EMPTY;
    return out;
  }

  /** Bytes held for a partial frame (for monitoring; never more than maxLength + 12). */
  get buffered(): number {
    return this.buf.length;
  }

  private scan(final: boolean): FramerEvent[] {
    const b = this.buf;
    const n = b.length;
    let p = 0;
    for (;;) {
      const i = findHash(b, p, n);
      if (i < 0) {
        const keep = !final && n > p && b[n - 1] === HASH ? n - 1 : n; // a lone '#' may start `##`
        this.skip('GARBAGE', p, keep - p, true);
        p = keep;
        break;
      }
      if (i > p) this.skip('GARBAGE', p, i - p, true);
      p = i;
      if (n - i < 6) {
        if (final) {
          this.skip('INCOMPLETE', i, n - i, false);
          p = n;
        }
        break;
      }
      const len = lengthAt(b, i + 2);
      if (len < 0 || len > this.max) {
        this.skip(len < 0 ? 'BAD_LENGTH' : 'TOO_LONG', i, 1, false);
        p = i + 1;
        continue;
      }
      const next = this.frameEnd(b, i, len, final);
      if (next === 0) break; // wait for more bytes
      p = next;
    }
    this.buf = p < n ? b.subarray(p) : EMPTY;
    this.base += p;
    if (final) this.flushSkip();
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Decide where the frame at `i` ends; returns where scanning resumes, or 0 to wait. */
  private frameEnd(b: Uint8Array, i: number, len: number, final: boolean): number {
    const n = b.length;
    const e = i + 10 + len; // end of the CRC
    // No CRLF belongs inside a data segment, so the first CRLF ends the frame even when it comes
    // before the declared end (a length that says too much must not stall a live connection).
    const c = findCrlf(b, i + 6, Math.min(n, e + 2));
    if (c >= 0) {
      if (c === e) return this.frame(b, i, e + 2);
      const h = findHash(b, i + 2, c);
      return h >= 0 ? this.skip('LENGTH_MISMATCH', i, h - i, false) : this.frame(b, i, c + 2);
    }
    if (n < e + 2) {
      if (!final) return 0;
      if (n >= e) return this.frame(b, i, e); // stream ended right after the CRC
      const h = findHash(b, i + 2, n);
      return this.skip('INCOMPLETE', i, (h >= 0 ? h : n) - i, false);
    }
    if (b[e] === HASH && b[e + 1] === HASH) return this.frame(b, i, e); // CRLF missing
    // The length says too little: the frame ends at the next CRLF, unless a `##` comes first.
    const limit = Math.min(n, i + this.max + 12);
    const c2 = findCrlf(b, e, limit);
    const h = findHash(b, i + 2, c2 >= 0 ? c2 : limit);
    if (h >= 0) return this.skip('LENGTH_MISMATCH', i, h - i, false);
    if (c2 >= 0) return this.frame(b, i, c2 + 2);
    if (n < i + this.max + 12 && !final) return 0;
    return this.skip('LENGTH_MISMATCH', i, 1, false);
  }

  private frame(b: Uint8Array, s: number, e: number): number {
    this.flushSkip();
    this.events.push({ type: 'frame', bytes: b.subarray(s, e), offset: this.base + s });
    return e;
  }

  /** Record skipped bytes; garbage after a skip, or a skip of the same cause, joins it: one cause, one report. */
  private skip(reason: SkipReason, s: number, length: number, joins: boolean): number {
    if (length <= 0) return s;
    const offset = this.base + s;
    const last = this.pending;
    if (last !== null && (joins || last.reason === reason) && last.offset + last.length === offset) {
      last.length += length;
    } else {
      this.flushSkip();
      this.pending = { type: 'skip', reason, offset, length };
    }
    return s + length;
  }

  private flushSkip(): void {
    if (this.pending !== null) this.events.push(this.pending);
    this.pending = null;
  }
}
