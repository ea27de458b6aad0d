import { type DecodeContext, textOf, tolerate } from './context.js';
import * as F from './cp-fields.js';
import { codeFrom2005 } from './dictionary/pollutants.js';
import { type DecodeError, ErrorCode, fail } from './errors.js';
import { ascii, name, nameOf, POW10, parseDecimal, parseLocalTime, put } from './text.js';
import type { CpBody, PollutantValues } from './types.js';

const SEMI = 0x3b;
const COMMA = 0x2c;
const EQ = 0x3d;
const DASH = 0x2d;

/** The one-character strings of ASCII, so a one-byte value allocates nothing. */
const ONE_CHAR: string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** `'0'` bytes to put in front of `d` digits right-aligned in two words (SWAR, in parseCp). */
const PAD_LO = Int32Array.from({ length: 9 }, (_, d) => (d >= 4 ? 0 : 0x30303030 & ~((1 << (d * 8)) - 1)));
const PAD_HI = Int32Array.from({ length: 9 }, (_, d) =>
  d >= 8 ? 0 : d <= 4 ? 0x30303030 : 0x30303030 & ~((1 << ((d - 4) * 8)) - 1),
);

/** Powers of ten as a module-local constant, so the optimised hot loop embeds the table. */
const POW = new Float64Array(POW10);

/**
 * Parse the CP body between `CP=&&` and the closing `&&` (`[s, e)`). The standard nests fields
 * in groups (`;`) of items (`,`), but no key repeats across groups in any command, so the body
 * is flattened into pollutants by code and parameters by name. `j0` is a tape index at or before
 * the opening `&&`.
 */
export function parseCp(ctx: DecodeContext, s: number, e: number, st: string, j0 = 0): CpBody | DecodeError {
  const b = ctx.b;
  const pollutants: Record<string, PollutantValues> = {};
  const cp: CpBody = { pollutants, params: {} };
  if (s === e) return cp; // `CP=&&&&`
  const { pos, lo, hi } = ctx.tape;
  const count = ctx.count;
  let rec: PollutantValues | undefined;
  // The last pollutant code (start, length, tape words), to reuse `rec` for its next field.
  let recS = -1;
  let recN = -1;
  let recLo = 0;
  let recHi = 0;
  let j = j0;
  while (j < count && pos[j]! < s) j++; // the opening `&&`
  let i = s;
  for (;;) {
    // The tape entry j is the first delimiter at or after i. The common item, `code-Field=value`
    // followed by `,` `;` or the closing `&`, is exactly three entries: `-` `=` and the end.
    if (j + 2 < count) {
      const q0 = pos[j]!;
      const q1 = pos[j + 1]!;
      const q2 = pos[j + 2]!;
      const c2 = b[q2];
      if (b[q0] === DASH && q0 > i && b[q1] === EQ && (c2 === SEMI || c2 === COMMA || q2 >= e)) {
        const end = Math.min(q2, e);
        const n = q0 - i;
        const wLo = lo[j]!;
        const wHi = hi[j]!;
        if (n !== recN || wLo !== recLo || wHi !== recHi || (n > 8 && !sameBytes(b, i, recS, n - 8))) {
          // A 2017 code (a lowercase letter and five digits) in ASCII needs no mapping.
          const c0 = b[i]!;
          const code =
            n === 6 && c0 >= 0x61 && c0 <= 0x7a && ctx.decoder === null
              ? name(b, i, q0, wLo, wHi)
              : pollutantCode(ctx, i, q0, st, wLo, wHi);
          if (typeof code !== 'string') return code;
          rec = Object.hasOwn(pollutants, code) ? pollutants[code]! : put(pollutants, code, {});
          recS = i;
          recN = n;
          recLo = wLo;
          recHi = wHi;
        }
        const id = F.fieldId(q1 - q0 - 1, lo[j + 1]!, hi[j + 1]!, b, q0 + 1);
        if (F.isTextId(id)) {
          // A known text field; a one-byte ASCII value (`Flag=N`) is a constant string.
          const c = b[q1 + 1]!;
          F.storeText(rec!, id, end - q1 === 2 && c < 0x80 ? ONE_CHAR[c]! : textOf(ctx, q1 + 1, end));
        } else {
          // A plain unsigned decimal of 1 to 8 bytes, `digits[.digits]`, is read from the tape
          // words of the value eight bytes at a time (SWAR): find the dot, close the gap, pad with
          // leading zeros, check that all eight bytes are digits, combine. No branch depends on
          // the digits. Anything else (signs, long values, text, errors) goes to the byte parser.
          let v = -1;
          const vn = end - q1 - 1;
          if (id !== 0 && vn <= 8) {
            let vlo = lo[j + 2]!;
            let vhi = hi[j + 2]!;
            // The lowest `.` (the haszero trick is exact for the lowest match; a second `.`
            // fails the digit check).
            let t = vlo ^ 0x2e2e2e2e;
            const mLo = (t - 0x01010101) & ~t & 0x80808080;
            t = vhi ^ 0x2e2e2e2e;
            const mHi = (t - 0x01010101) & ~t & 0x80808080;
            let scale = 0; // bytes after the dot
            let d = vn; // digits
            if (mLo !== 0) {
              scale = (31 - Math.clz32(mLo & -mLo)) >> 3;
              const below = (1 << (scale * 8)) - 1; // the bytes after the dot stay put
              vlo = (vlo & below) | ((vlo >>> 8) & ~below) | (vhi << 24);
              vhi >>>= 8;
              d--;
            } else if (mHi !== 0) {
              scale = 4 + ((31 - Math.clz32(mHi & -mHi)) >> 3);
              const below = (1 << ((scale - 4) * 8)) - 1;
              vhi = (vhi & below) | ((vhi >>> 8) & ~below);
              d--;
            }
            if (d >= 1) {
              // Leading zeros where the value has no bytes (those bytes are 0 in the words).
              vlo |= PAD_LO[d]!;
              vhi |= PAD_HI[d]!;
              // All eight bytes are digits: high nibble 3, and still 3 after adding 6.
              if (
                (vlo & 0xf0f0f0f0) === 0x30303030 &&
                ((vlo + 0x06060606) & 0xf0f0f0f0) === 0x30303030 &&
                (vhi & 0xf0f0f0f0) === 0x30303030 &&
                ((vhi + 0x06060606) & 0xf0f0f0f0) === 0x30303030
              ) {
                // Digits to values in pairs, then fours, then eight.
                vlo -= 0x30303030;
                vhi -= 0x30303030;
                vlo = Math.imul((vlo >>> 8) & 0x00ff00ff, 10) + (vlo & 0x00ff00ff);
                vhi = Math.imul((vhi >>> 8) & 0x00ff00ff, 10) + (vhi & 0x00ff00ff);
                const int =
                  ((vhi >>> 16) * 100 + (vhi & 0xffff)) * 10000 + (vlo >>> 16) * 100 + (vlo & 0xffff);
                v = int / POW[scale]!; // exact, correctly rounded; POW[0] is 1
              }
            }
          }
          if (v >= 0) F.storeNumber(rec!, id, v);
          else if (!numberField(rec!, id, b, q1 + 1, end)) {
            const err = setField(ctx, rec!, id, q0 + 1, q1, end);
            if (err) return err;
          }
        }
        if (end >= e) return cp;
        i = end + 1;
        j += 3;
        continue;
      }
    }
    // Anything else: walk the tape to the end of this item; `&` inside the body is just text.
    let end = e;
    let eq = -1;
    let dash = -1;
    const first = j; // the item's first delimiter: its words are those of the key if it is `=`
    while (j < count) {
      const q = pos[j]!;
      if (q >= e) break;
      j++;
      const c = b[q];
      if (c === SEMI || c === COMMA) {
        end = q;
        break;
      }
      if (c === EQ) {
        if (eq < 0) eq = q;
      } else if (c === DASH && eq < 0 && dash < 0) dash = q;
    }
    if (end === i) {
      // `;;` or a trailing `;` before `&&`: common in the field, meaningless.
      if (ctx.strict) return fail(ErrorCode.BAD_SEGMENT, i, 'empty item in CP');
      tolerate(ctx, 'EMPTY_ITEM', i);
    } else if (eq < 0) {
      return fail(ErrorCode.BAD_FIELD, i, `CP item without "=": ${ascii(b, i, Math.min(end, i + 32))}`);
    } else if (dash > i) {
      const n = dash - i;
      if (n !== recN || !sameBytes(b, i, recS, n)) {
        packWords(b, i, dash);
        const code = pollutantCode(ctx, i, dash, st, packed.lo, packed.hi);
        if (typeof code !== 'string') return code;
        rec = Object.hasOwn(pollutants, code) ? pollutants[code]! : put(pollutants, code, {});
        recS = i;
        recN = n;
        recLo = packed.lo;
        recHi = packed.hi;
      }
      const id = F.knownField(b, dash + 1, eq);
      if (!numberField(rec!, id, b, eq + 1, end)) {
        const err = setField(ctx, rec!, id, dash + 1, eq, end);
        if (err) return err;
      }
    } else if (
      eq === pos[first] ? F.isDataTimeWords(eq - i, lo[first]!, hi[first]!) : F.isDataTime(b, i, eq)
    ) {
      const t = parseLocalTime(b, eq + 1, end);
      if (Number.isNaN(t)) return fail(ErrorCode.BAD_FIELD, eq + 1, 'DataTime is not YYYYMMDDhhmmss');
      cp.dataTime = new Date(t);
      cp.dataTimeText = ascii(b, eq + 1, end);
    } else {
      const key = ctx.decoder === null ? nameOf(b, i, eq) : textOf(ctx, i, eq);
      if (F.NUMERIC_PARAMS.has(key)) {
        const v = parseDecimal(b, eq + 1, end);
        if (Number.isNaN(v)) return fail(ErrorCode.BAD_FIELD, eq + 1, `${key} is not a number`);
        put(cp.params, key, v);
      } else put(cp.params, key, textOf(ctx, eq + 1, end));
    }
    if (end >= e) return cp;
    i = end + 1;
  }
}

/**
 * Store a known numeric field whose value `[s, e)` is a plain decimal `-?digits[.digits]`, from
 * the bytes (what parseDecimal() accepts): true when stored, false to leave it to setField (text
 * fields, unknown names, empty values, errors).
 */
function numberField(rec: PollutantValues, id: number, b: Uint8Array, s: number, e: number): boolean {
  if (!F.isNumericId(id) || s >= e) return false;
  let k = s;
  const neg = b[k] === DASH;
  if (neg) k++;
  let int = 0;
  let digits = 0;
  let dot = -1;
  for (; k < e; k++) {
    const d = b[k]! - 0x30;
    if (d >= 0 && d <= 9) {
      int = int * 10 + d;
      digits++;
    } else if (d === -2 && dot < 0) dot = k;
    else return false;
  }
  let v: number;
  if (digits === 0) return false;
  if (digits <= 15) v = dot < 0 ? int : int / POW[e - dot - 1]!;
  else v = Number(ascii(b, neg ? s + 1 : s, e)); // exact beyond 15 digits
  F.storeNumber(rec, id, neg ? -v : v);
  return true;
}

/** Words of a token computed from its bytes (see scan.ts), for tokens the tape does not end. */
const packed = { lo: 0, hi: 0 };
function packWords(b: Uint8Array, s: number, e: number): void {
  let w = 0;
  let w2 = 0;
  for (let i = Math.max(s, e - 8); i < e; i++) {
    w2 = (w2 << 8) | (w >>> 24);
    w = (w << 8) | b[i]!;
  }
  packed.lo = w;
  packed.hi = w2;
}

function sameBytes(b: Uint8Array, x: number, y: number, n: number): boolean {
  if (n === 6)
    return (
      b[x] === b[y] &&
      b[x + 1] === b[y + 1] &&
      b[x + 2] === b[y + 2] &&
      b[x + 3] === b[y + 3] &&
      b[x + 4] === b[y + 4] &&
      b[x + 5] === b[y + 5]
    );
  for (let k = 0; k < n; k++) if (b[x + k] !== b[y + k]) return false;
  return true;
}

/** The pollutant code (tape words `lo`/`hi`), mapped from the 2005 edition when tolerated. */
function pollutantCode(
  ctx: DecodeContext,
  s: number,
  e: number,
  st: string,
  lo: number,
  hi: number,
): string | DecodeError {
  const code = ctx.decoder === null ? name(ctx.b, s, e, lo, hi) : textOf(ctx, s, e);
  const c0 = ctx.b[s]!;
  // 2017 codes are a lowercase letter and five digits; 2005 codes are digits or S/B + digits.
  if (e - s === 6 && c0 >= 0x61 && c0 <= 0x7a) return code;
  const mapped = codeFrom2005(code, st);
  if (mapped === undefined) return code;
  if (ctx.strict) return fail(ErrorCode.BAD_FIELD, s, `2005-edition code ${code} (2017: ${mapped})`);
  tolerate(ctx, 'CODE_2005', s, `${code}→${mapped}`);
  return mapped;
}

/** The fields that are not a known number with a value: text fields, unknown names, empties, errors. */
function setField(
  ctx: DecodeContext,
  rec: PollutantValues,
  id: number,
  s: number,
  eq: number,
  end: number,
): DecodeError | undefined {
  const b = ctx.b;
  if (!F.isNumericId(id)) {
    const text = textOf(ctx, eq + 1, end);
    // Constant names keep these stores monomorphic; only unknown names take the keyed path.
    if (!F.storeText(rec, id, text))
      put(rec, ctx.decoder === null ? nameOf(b, s, eq) : textOf(ctx, s, eq), text);
    return undefined;
  }
  if (end === eq + 1) {
    // `a21026-Rtd=,`: a unit with no reading sends an empty value; drop it, do not invent 0.
    if (ctx.strict) return fail(ErrorCode.BAD_FIELD, eq + 1, `empty value for ${F.FIELD_NAMES[id]}`);
    tolerate(ctx, 'EMPTY_VALUE', eq + 1);
    return undefined;
  }
  return fail(ErrorCode.BAD_FIELD, eq + 1, `${F.FIELD_NAMES[id]} is not a number`);
}
