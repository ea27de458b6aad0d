import { crc16, crcHex } from './crc.js';
import { EncodeError } from './errors.js';
import { formatLocalTime } from './text.js';
import type { PacketFlag } from './types.js';

export type FieldValue = number | string;

export interface CpInput {
  /** An instant (written as Asia/Shanghai local time) or the `YYYYMMDDhhmmss` text itself. */
  dataTime?: Date | string;
  params?: Record<string, FieldValue>;
  /** Per code, its fields (`{ a21026: { Avg: 12.5, Flag: 'N' } }`); undefined fields are skipped. */
  pollutants?: Record<string, Record<string, FieldValue | undefined>>;
}

export interface PacketInput {
  qn?: string;
  st: string;
  cn: string;
  pw: string;
  mn: string;
  /** A number as written, or bits; default version 1 (2017), no answer required. */
  flag?: number | Partial<Omit<PacketFlag, 'raw'>>;
  pnum?: number;
  pno?: number;
  cp?: CpInput;
}

export interface EncodeOptions {
  /** Largest data segment allowed; default 1024, the standard's maximum. */
  maxLength?: number;
}

const textEncoder = new TextEncoder();

/** Encode a packet: data segment, its length, its CRC and CRLF. Throws EncodeError on bad input. */
export function encode(packet: PacketInput, opts: EncodeOptions = {}): Uint8Array {
  const data = textEncoder.encode(encodeSegment(packet));
  const max = opts.maxLength ?? 1024;
  if (data.length > max) throw new EncodeError(`data segment is ${data.length} bytes, over ${max}`);
  const out = new Uint8Array(data.length + 12);
  out[0] = 0x23;
  out[1] = 0x23;
  textEncoder.encodeInto(String(data.length).padStart(4, '0'), out.subarray(2, 6));
  out.set(data, 6);
  textEncoder.encodeInto(`${crcHex(crc16(data))}\r\n`, out.subarray(6 + data.length));
  return out;
}

/** The packet as a string, including the trailing CRLF. */
export function encodeToString(packet: PacketInput, opts?: EncodeOptions): string {
  return new TextDecoder().decode(encode(packet, opts));
}

/** The data segment text `QN=…;…;CP=&&…&&`. */
export function encodeSegment(p: PacketInput): string {
  if (!/^\d{2}$/.test(p.st)) throw new EncodeError(`ST must be 2 digits: ${p.st}`);
  if (!/^\d{4}$/.test(p.cn)) throw new EncodeError(`CN must be 4 digits: ${p.cn}`);
  if (p.qn !== undefined && !/^\d+$/.test(p.qn)) throw new EncodeError(`QN must be digits: ${p.qn}`);
  if (p.mn === '') throw new EncodeError('MN may not be empty');
  const sub = p.pnum !== undefined || p.pno !== undefined;
  let head = p.qn === undefined ? '' : `QN=${p.qn};`;
  head += `ST=${p.st};CN=${p.cn};PW=${plain(p.pw, 'PW')};MN=${plain(p.mn, 'MN')};Flag=${flagOf(p.flag, sub)};`;
  if (sub) {
    const { pnum = 0, pno = 0 } = p;
    if (!(Number.isInteger(pnum) && Number.isInteger(pno) && pno >= 1 && pno <= pnum && pnum <= 9999)) {
      throw new EncodeError(`PNUM/PNO must be integers with 1 <= PNO <= PNUM: ${pnum}/${pno}`);
    }
    head += `PNUM=${pnum};PNO=${pno};`;
  }
  return `${head}CP=&&${encodeCp(p.cp ?? {})}&&`;
}

function flagOf(flag: PacketInput['flag'], sub: boolean): number {
  if (typeof flag === 'number') {
    if (!Number.isInteger(flag) || flag < 0 || flag > 255)
      throw new EncodeError(`Flag must be 0-255: ${flag}`);
    return flag;
  }
  const version = flag?.version ?? 1;
  if (!Number.isInteger(version) || version < 0 || version > 63)
    throw new EncodeError('Flag version is 0-63');
  return (version << 2) | ((flag?.subpacket ?? sub) ? 2 : 0) | (flag?.answerRequired ? 1 : 0);
}

/** The CP body without its `&&` fences: DataTime, then parameters, then one group per pollutant. */
export function encodeCp(cp: CpInput): string {
  const groups: string[] = [];
  if (cp.dataTime !== undefined) {
    const t = typeof cp.dataTime === 'string' ? cp.dataTime : formatLocalTime(cp.dataTime);
    if (!/^\d{14}$/.test(t)) throw new EncodeError(`DataTime must be YYYYMMDDhhmmss: ${t}`);
    groups.push(`DataTime=${t}`);
  }
  for (const [key, value] of Object.entries(cp.params ?? {})) {
    if (key === 'DataTime' || !/^[A-Za-z0-9_]+$/.test(key))
      throw new EncodeError(`bad parameter name: ${key}`);
    groups.push(`${key}=${valueText(value, key)}`);
  }
  for (const [code, fields] of Object.entries(cp.pollutants ?? {})) {
    if (!/^[A-Za-z0-9_]+$/.test(code)) throw new EncodeError(`bad pollutant code: ${code}`);
    const items: string[] = [];
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new EncodeError(`bad field name: ${code}-${name}`);
      items.push(`${code}-${name}=${valueText(value, `${code}-${name}`)}`);
    }
    if (items.length > 0) groups.push(items.join(','));
  }
  return groups.join(';');
}

function valueText(v: FieldValue, what: string): string {
  if (typeof v === 'number') return formatNumber(v, what);
  if (typeof v !== 'string') throw new EncodeError(`${what} must be a number or a string`);
  return plain(v, what);
}

/** Text values may not hold the CP delimiters; nothing could escape them. */
function plain(s: string, what: string): string {
  if (/[;,&\r\n]/.test(s)) throw new EncodeError(`${what} may not contain ; , & or line breaks: ${s}`);
  return s;
}

/** A number as plain decimal text (the wire has no exponent form). */
export function formatNumber(n: number, what = 'value'): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21)
    throw new EncodeError(`${what} is not a finite number: ${n}`);
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}
