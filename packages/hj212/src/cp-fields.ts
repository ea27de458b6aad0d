import type { PollutantValues } from './types.js';

// Recognising the standard's field names from bytes without building strings: the decoder only
// allocates a string for names it does not know.

// Known pollutant fields as small ids: numeric ones first, so `id <= LAST_NUMERIC` means "a number".
// Module-local (not exported) so that compiled code compares with immediates: an exported binding
// is read through its cell, with a check that it has been initialised, at every use.
const RTD = 1;
const MIN = 2;
const AVG = 3;
const MAX = 4;
const ZS_RTD = 5;
const ZS_MIN = 6;
const ZS_AVG = 7;
const ZS_MAX = 8;
const COU = 9;
const RS = 10; // facility running status
const RT = 11; // facility running time
const LAST_NUMERIC = 11;
const FLAG = 12;
const EFLAG = 13;
const SAMPLE_TIME = 14;
const INFO = 15;

/** True for the ids of numeric fields (0 is "not a known field"). */
export function isNumericId(id: number): boolean {
  return id !== 0 && id <= LAST_NUMERIC;
}

/** True for the ids of known text fields (Flag, EFlag, SampleTime, Info). */
export function isTextId(id: number): boolean {
  return id > LAST_NUMERIC;
}

export const FIELD_NAMES = [
  '',
  'Rtd',
  'Min',
  'Avg',
  'Max',
  'ZsRtd',
  'ZsMin',
  'ZsAvg',
  'ZsMax',
  'Cou',
  'RS',
  'RT',
  'Flag',
  'EFlag',
  'SampleTime',
  'Info',
] as const;

/** A name of up to four ASCII characters packed as the tape packs token bytes (see scan.ts). */
export function word(name: string): number {
  let w = 0;
  for (let i = 0; i < name.length; i++) w = (w << 8) | name.charCodeAt(i);
  return w;
}

const W_RS = word('RS');
const W_RT = word('RT');
const W_RTD = word('Rtd');
const W_MIN = word('Min');
const W_AVG = word('Avg');
const W_MAX = word('Max');
const W_COU = word('Cou');
const W_FLAG = word('Flag');
const W_INFO = word('Info');
const W_SRTD = word('sRtd');
const W_SAVG = word('sAvg');
const W_SMIN = word('sMin');
const W_SMAX = word('sMax');
const W_E = word('E');
const W_Z = word('Z');
const W_TIME = word('Time');
const W_DATA = word('Data');
const W_MPLE = word('mple');

/**
 * The id of the known pollutant field name of `n` bytes whose last eight bytes are `hi`/`lo`
 * (tape words, see scan.ts), or 0. Names of up to eight bytes are compared exactly through the
 * words; `SampleTime` also checks its first two bytes at `b[s]`.
 */
export function fieldId(n: number, lo: number, hi: number, b: Uint8Array, s: number): number {
  switch (n) {
    case 2:
      return lo === W_RS ? RS : lo === W_RT ? RT : 0;
    case 3:
      if (lo === W_AVG) return AVG;
      if (lo === W_MIN) return MIN;
      if (lo === W_MAX) return MAX;
      if (lo === W_RTD) return RTD;
      return lo === W_COU ? COU : 0;
    case 4:
      return lo === W_FLAG ? FLAG : lo === W_INFO ? INFO : 0;
    case 5:
      if (hi === W_Z) {
        if (lo === W_SAVG) return ZS_AVG;
        if (lo === W_SRTD) return ZS_RTD;
        if (lo === W_SMIN) return ZS_MIN;
        return lo === W_SMAX ? ZS_MAX : 0;
      }
      return hi === W_E && lo === W_FLAG ? EFLAG : 0;
    case 10:
      return lo === W_TIME && hi === W_MPLE && b[s] === 0x53 && b[s + 1] === 0x61 ? SAMPLE_TIME : 0;
    default:
      return 0;
  }
}

/** The id of the known pollutant field name at `[s, e)`, or 0 (from the bytes). */
export function knownField(b: Uint8Array, s: number, e: number): number {
  if (e - s > 10) return 0;
  let lo = 0;
  let hi = 0;
  for (let i = s; i < e; i++) {
    hi = (hi << 8) | (lo >>> 24);
    lo = (lo << 8) | b[i]!;
  }
  return fieldId(e - s, lo, hi, b, s);
}

/** True when the token of `n` bytes with tape words `lo`/`hi` is `DataTime`. */
export function isDataTimeWords(n: number, lo: number, hi: number): boolean {
  return n === 8 && lo === W_TIME && hi === W_DATA;
}

// The stores live here, next to the ids: module-local constants compile to immediate compares.

/** Store a numeric field by id (1 to LAST_NUMERIC), with constant property names. */
export function storeNumber(rec: PollutantValues, id: number, v: number): void {
  switch (id) {
    case RTD:
      rec.Rtd = v;
      break;
    case MIN:
      rec.Min = v;
      break;
    case AVG:
      rec.Avg = v;
      break;
    case MAX:
      rec.Max = v;
      break;
    case ZS_RTD:
      rec.ZsRtd = v;
      break;
    case ZS_MIN:
      rec.ZsMin = v;
      break;
    case ZS_AVG:
      rec.ZsAvg = v;
      break;
    case ZS_MAX:
      rec.ZsMax = v;
      break;
    case COU:
      rec.Cou = v;
      break;
    case RS:
      rec.RS = v;
      break;
    default:
      rec.RT = v;
  }
}

/** Store a known text field by id; false when `id` is not one (the caller stores by name). */
export function storeText(rec: PollutantValues, id: number, text: string): boolean {
  if (id === FLAG) rec.Flag = text;
  else if (id === EFLAG) rec.EFlag = text;
  else if (id === SAMPLE_TIME) rec.SampleTime = text;
  else if (id === INFO) rec.Info = text;
  else return false;
  return true;
}

/** Which pollutant fields carry numbers. Unknown suffixes stay text so nothing is lost. */
export const NUMERIC_FIELDS: ReadonlySet<string> = new Set(FIELD_NAMES.slice(1, LAST_NUMERIC + 1));

/** CP parameters that carry numbers; every other parameter stays text (times, codes, passwords). */
export const NUMERIC_PARAMS: ReadonlySet<string> = new Set([
  'RtdInterval',
  'MinInterval',
  'QnRtn',
  'ExeRtn',
  'OverTime',
  'ReCount',
  'Ctime',
  'Stime',
  'VaseNo',
]);

/** True when the bytes at `s` spell `name` (the caller has checked the length). */
export function same(b: Uint8Array, s: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (b[s + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** True when `[s, e)` spells `DataTime`. */
export function isDataTime(b: Uint8Array, s: number, e: number): boolean {
  return e - s === 8 && b[s] === 0x44 && same(b, s, 'DataTime');
}
