import { crc16, crcHex } from '../src/crc.js';

// Deterministic packet mutator for fuzzing. A quarter of the mutants get their length and CRC
// repaired afterwards, so they reach the segment and CP parsers instead of stopping at the CRC.

export function rng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

const SPECIAL = [0x23, 0x3b, 0x2c, 0x3d, 0x26, 0x2d, 0x0d, 0x0a, 0x2e, 0x30, 0x39, 0x80, 0xff, 0xd6];

function splice(b: Uint8Array, at: number, del: number, ins: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length - del + ins.length);
  out.set(b.subarray(0, at));
  out.set(ins, at);
  out.set(b.subarray(at + del), at + ins.length);
  return out;
}

/** Rewrite `##LLLL` and the CRC to match the (mutated) data between them, when the shape allows. */
export function repair(b: Uint8Array): Uint8Array {
  const crlf = b.length >= 2 && b[b.length - 2] === 0x0d && b[b.length - 1] === 0x0a ? 2 : 0;
  const dataEnd = b.length - crlf - 4;
  if (b.length < 12 || dataEnd < 6 || dataEnd - 6 > 9999) return b;
  const out = b.slice();
  out[0] = 0x23;
  out[1] = 0x23;
  const len = String(dataEnd - 6).padStart(4, '0');
  const crc = crcHex(crc16(out, 6, dataEnd));
  for (let k = 0; k < 4; k++) {
    out[2 + k] = len.charCodeAt(k);
    out[dataEnd + k] = crc.charCodeAt(k);
  }
  return out;
}

/** One to four random edits of `seed`. */
export function mutate(seed: Uint8Array, rand: () => number): Uint8Array {
  let b = seed;
  const pick = (n: number) => Math.floor(rand() * n);
  const edits = 1 + pick(4);
  for (let k = 0; k < edits; k++) {
    const at = pick(b.length + 1);
    switch (pick(8)) {
      case 0: // bit flip
        if (b.length > 0) {
          b = b.slice();
          b[at % b.length]! ^= 1 << pick(8);
        }
        break;
      case 1: // truncate
        b = b.subarray(0, at);
        break;
      case 2: // insert random bytes
        b = splice(
          b,
          at,
          0,
          Uint8Array.from({ length: 1 + pick(8) }, () => pick(256)),
        );
        break;
      case 3: // insert a delimiter
        b = splice(b, at, 0, Uint8Array.of(SPECIAL[pick(SPECIAL.length)]!));
        break;
      case 4: // delete a run
        b = splice(b, at, Math.min(b.length - at, 1 + pick(6)), new Uint8Array(0));
        break;
      case 5: // duplicate a run
        b = splice(b, at, 0, b.slice(at, at + 1 + pick(30)));
        break;
      case 6: {
        // edit the length field
        b = b.slice();
        const len = String(pick(10000)).padStart(4, '0');
        for (let i = 0; i < 4 && 2 + i < b.length; i++) b[2 + i] = len.charCodeAt(i);
        break;
      }
      default: {
        // edit the CRC
        b = b.slice();
        const end = b.length - 2;
        for (let i = 1; i <= 4 && end - i >= 0; i++)
          b[end - i] = '0123456789ABCDEFabcdefXZ'.charCodeAt(pick(24));
      }
    }
  }
  return rand() < 0.25 ? repair(b) : b;
}
