import type { Tape } from './scan.js';
import { ascii } from './text.js';
import type { Tolerance, ToleranceName } from './types.js';

/** Per-call decoder state: the bytes, the mode, the tolerances met so far, how to read text. */
export interface DecodeContext {
  b: Uint8Array;
  strict: boolean;
  tolerances: Tolerance[];
  /** Set when the data segment has bytes >= 0x80: UTF-8, or GBK when it is not valid UTF-8. */
  decoder: TextDecoder | null;
  /** Delimiter positions and token words of the data segment (see scan.ts), entries `[0, count)`. */
  tape: Tape;
  count: number;
}

export function tolerate(ctx: DecodeContext, name: ToleranceName, offset: number, detail?: string): void {
  ctx.tolerances.push(detail === undefined ? { name, offset } : { name, offset, detail });
}

/** The text of `[s, e)`: ASCII fast path, else the segment's decoder. */
export function textOf(ctx: DecodeContext, s: number, e: number): string {
  const d = ctx.decoder;
  if (d !== null) {
    for (let i = s; i < e; i++) if (ctx.b[i]! >= 0x80) return d.decode(ctx.b.subarray(s, e));
  }
  return ascii(ctx.b, s, e);
}

let utf8: TextDecoder | undefined;
let gbk: TextDecoder | undefined;

/**
 * Pick the decoder for a segment that has non-ASCII bytes. GBK text is a field reality
 * (Chinese facility names in 3020 info items); the standard's characters are ASCII/UTF-8.
 * Delimiters `; , = & -` are all below 0x40, never a GBK trail byte, so splitting on bytes first
 * and decoding values afterwards is safe.
 */
export function pickDecoder(ctx: DecodeContext, s: number, e: number): string | null {
  utf8 ??= new TextDecoder('utf-8', { fatal: true });
  try {
    utf8.decode(ctx.b.subarray(s, e));
    ctx.decoder = utf8;
    return null;
  } catch {
    if (ctx.strict) return 'text is not ASCII or UTF-8';
    try {
      gbk ??= new TextDecoder('gbk');
    } catch {
      return 'text is not UTF-8 and this runtime has no GBK decoder';
    }
    ctx.decoder = gbk;
    tolerate(ctx, 'GBK_TEXT', s);
    return null;
  }
}
