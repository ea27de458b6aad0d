import { type DecodeContext, textOf, tolerate } from './context.js';
import { parseCp } from './cp.js';
import { same, word } from './cp-fields.js';
import { type DecodeError, ErrorCode, fail } from './errors.js';
import { ascii, digitsAt, name, nameOf } from './text.js';
import type { Packet, PacketFlag } from './types.js';

// Header fields in the standard's order; the index is used to notice reordering.
const QN = 0;
const ST = 1;
const CN = 2;
const PW = 3;
const MN = 4;
const FLAG = 5;
const PNUM = 6;
const PNO = 7;
const CP = 8;

function headerKey(b: Uint8Array, s: number, e: number): number {
  const c0 = b[s];
  const c1 = b[s + 1];
  switch (e - s) {
    case 2:
      if (c0 === 0x51 && c1 === 0x4e) return QN;
      if (c0 === 0x53 && c1 === 0x54) return ST;
      if (c0 === 0x43 && c1 === 0x4e) return CN;
      if (c0 === 0x50 && c1 === 0x57) return PW;
      if (c0 === 0x4d && c1 === 0x4e) return MN;
      if (c0 === 0x43 && c1 === 0x50) return CP;
      return -1;
    case 3:
      return same(b, s, 'PNO') ? PNO : -1;
    case 4:
      if (same(b, s, 'Flag')) return FLAG;
      return same(b, s, 'PNUM') ? PNUM : -1;
    default:
      return -1;
  }
}

const W_QN = word('QN');
const W_ST = word('ST');
const W_CN = word('CN');
const W_PW = word('PW');
const W_MN = word('MN');
const W_CP = word('CP');
const W_PNO = word('PNO');
const W_FLAG = word('Flag');
const W_PNUM = word('PNUM');

/** headerKey() from the key's length and tape word (exact: header keys are at most four bytes). */
function headerKeyWords(n: number, w: number): number {
  switch (n) {
    case 2:
      if (w === W_QN) return QN;
      if (w === W_ST) return ST;
      if (w === W_CN) return CN;
      if (w === W_PW) return PW;
      if (w === W_MN) return MN;
      return w === W_CP ? CP : -1;
    case 3:
      return w === W_PNO ? PNO : -1;
    case 4:
      return w === W_FLAG ? FLAG : w === W_PNUM ? PNUM : -1;
    default:
      return -1;
  }
}

/** Parse the data segment `[s, e)`: `QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&`. */
export function parseSegment(ctx: DecodeContext, s: number, e: number): Packet | DecodeError {
  const b = ctx.b;
  const u = undefined;
  const seen: (string | undefined)[] = [u, u, u, u, u, u, u, u, u];
  const at: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  let last = -1;
  let i = s;
  const { pos, lo, hi } = ctx.tape;
  const count = ctx.count;
  let j = 0; // next delimiter on the tape
  for (;;) {
    const first = j;
    let eq = -1;
    while (j < count) {
      const q = pos[j++]!;
      const c = b[q];
      if (c === 0x3d) {
        eq = q;
        break;
      }
      if (c === 0x3b) break;
    }
    if (eq < 0) return fail(ErrorCode.BAD_SEGMENT, i, 'expected key=value; before CP=&&…&&');
    // The tape words name the key exactly when `=` is the first delimiter of the item.
    const key = j - 1 === first ? headerKeyWords(eq - i, lo[first]!) : headerKey(b, i, eq);
    if (key === CP) break;
    const valueAt = j;
    let end = -1;
    while (j < count) {
      const q = pos[j++]!;
      if (b[q] === 0x3b) {
        end = q;
        break;
      }
    }
    if (end < 0) return fail(ErrorCode.BAD_SEGMENT, i, 'no CP=&&…&& in the data segment');
    if (key < 0) {
      const name = ascii(b, i, Math.min(eq, i + 16));
      if (ctx.strict) return fail(ErrorCode.BAD_SEGMENT, i, `unknown header field ${name}`);
      tolerate(ctx, 'UNKNOWN_FIELD', i, name);
    } else {
      if (seen[key] !== undefined) return fail(ErrorCode.BAD_SEGMENT, i, 'header field repeated');
      if (key < last) {
        if (ctx.strict) return fail(ErrorCode.BAD_SEGMENT, i, 'header fields out of order');
        tolerate(ctx, 'FIELD_ORDER', i);
      }
      last = key;
      // ST, CN, PW and MN repeat packet after packet: the name cache saves their allocations.
      // The `;` entry's words are the value's when no other delimiter is inside the value.
      seen[key] =
        ctx.decoder !== null || key === QN
          ? textOf(ctx, eq + 1, end)
          : j - 1 === valueAt
            ? name(b, eq + 1, end, lo[valueAt]!, hi[valueAt]!)
            : nameOf(b, eq + 1, end);
      at[key] = eq + 1;
    }
    i = end + 1;
  }
  const cpStart = i + 3; // after `CP=`
  if (
    e - cpStart < 4 ||
    b[cpStart] !== 0x26 ||
    b[cpStart + 1] !== 0x26 ||
    b[e - 1] !== 0x26 ||
    b[e - 2] !== 0x26
  ) {
    return fail(ErrorCode.BAD_SEGMENT, i, 'CP must be &&…&& and end the data segment');
  }
  // The header is checked before the CP body is parsed (its errors and tolerances come first);
  // the packet object is built once both are done.
  const flag = checkHeader(ctx, seen, at, i);
  if ('ok' in flag) return flag;
  const sub = checkSubpacket(ctx, flag, seen, at, i);
  if (sub !== null) return sub;
  const st = seen[ST]!;
  const cp = parseCp(ctx, cpStart + 2, e - 2, st, j);
  if ('ok' in cp) return cp;
  const qn = seen[QN];
  const cn = seen[CN]!;
  const pw = seen[PW]!;
  const mn = seen[MN]!;
  const packet: Packet = qn === undefined ? { st, cn, pw, mn, flag, cp } : { qn, st, cn, pw, mn, flag, cp };
  if (seen[PNUM] !== undefined) {
    packet.pnum = subpacket.pnum;
    packet.pno = subpacket.pno;
  }
  return packet;
}

const NO_FLAG: PacketFlag = { raw: 0, version: 0, subpacket: false, answerRequired: false };

/** The header fields' forms; the Flag (a default when tolerated as missing), or an error. */
function checkHeader(
  ctx: DecodeContext,
  seen: (string | undefined)[],
  at: number[],
  cpAt: number,
): PacketFlag | DecodeError {
  const b = ctx.b;
  const st = seen[ST];
  const cn = seen[CN];
  const pw = seen[PW];
  const mn = seen[MN];
  if (st === undefined || cn === undefined || pw === undefined || mn === undefined) {
    return fail(ErrorCode.BAD_SEGMENT, cpAt, 'ST, CN, PW and MN are required');
  }
  if (st.length !== 2 || digitsAt(b, at[ST]!, 2) < 0)
    return fail(ErrorCode.BAD_FIELD, at[ST]!, 'ST is not 2 digits');
  if (cn.length !== 4 || digitsAt(b, at[CN]!, 4) < 0)
    return fail(ErrorCode.BAD_FIELD, at[CN]!, 'CN is not 4 digits');
  if (mn.length === 0) return fail(ErrorCode.BAD_FIELD, at[MN]!, 'MN is empty');
  const qn = seen[QN];
  if (qn === undefined) {
    if (ctx.strict) return fail(ErrorCode.BAD_SEGMENT, cpAt, 'QN is required');
    tolerate(ctx, 'MISSING_QN', cpAt);
  } else if (qn.length !== 17 || digitsAt(b, at[QN]!, 17) < 0) {
    if (ctx.strict) return fail(ErrorCode.BAD_FIELD, at[QN]!, 'QN is not YYYYMMDDhhmmsszzz');
    tolerate(ctx, 'QN_FORMAT', at[QN]!);
  }
  const flag = seen[FLAG];
  if (flag === undefined) {
    if (ctx.strict) return fail(ErrorCode.BAD_SEGMENT, cpAt, 'Flag is required');
    tolerate(ctx, 'MISSING_FLAG', cpAt);
    return { ...NO_FLAG };
  }
  const raw = flag.length > 0 && flag.length <= 3 ? digitsAt(b, at[FLAG]!, flag.length) : -1;
  if (raw < 0 || raw > 255) return fail(ErrorCode.BAD_FIELD, at[FLAG]!, 'Flag is not a number 0-255');
  if (raw >> 2 !== 1) {
    if (ctx.strict) return fail(ErrorCode.BAD_FIELD, at[FLAG]!, `protocol version ${raw >> 2}, not 1 (2017)`);
    tolerate(ctx, 'PROTOCOL_VERSION', at[FLAG]!, String(raw >> 2));
  }
  return { raw, version: raw >> 2, subpacket: (raw & 2) !== 0, answerRequired: (raw & 1) !== 0 };
}

/** PNUM and PNO of a sub-packet, set by checkSubpacket() when both are present. */
const subpacket = { pnum: 0, pno: 0 };

/** Null when PNUM/PNO are absent or valid (then in `subpacket`), else the error. */
function checkSubpacket(
  ctx: DecodeContext,
  flag: PacketFlag,
  seen: (string | undefined)[],
  at: number[],
  cpAt: number,
): DecodeError | null {
  const pnumText = seen[PNUM];
  const pnoText = seen[PNO];
  if (pnumText === undefined && pnoText === undefined) {
    if (flag.subpacket) return fail(ErrorCode.BAD_SEGMENT, cpAt, 'Flag says sub-packet but PNUM/PNO missing');
    return null;
  }
  if (pnumText === undefined || pnoText === undefined) {
    return fail(ErrorCode.BAD_SEGMENT, cpAt, 'PNUM and PNO go together');
  }
  const pnum = pnumText.length > 0 && pnumText.length <= 4 ? digitsAt(ctx.b, at[PNUM]!, pnumText.length) : -1;
  const pno = pnoText.length > 0 && pnoText.length <= 4 ? digitsAt(ctx.b, at[PNO]!, pnoText.length) : -1;
  if (pnum < 1) return fail(ErrorCode.BAD_FIELD, at[PNUM]!, 'PNUM is not a number 1-9999');
  if (pno < 1 || pno > pnum) return fail(ErrorCode.BAD_FIELD, at[PNO]!, 'PNO is not 1..PNUM');
  if (!flag.subpacket) {
    if (ctx.strict) return fail(ErrorCode.BAD_FIELD, at[PNUM]!, 'PNUM/PNO without the sub-packet Flag bit');
    tolerate(ctx, 'SUBPACKET_FLAG', at[PNUM]!);
  }
  subpacket.pnum = pnum;
  subpacket.pno = pno;
  return null;
}
