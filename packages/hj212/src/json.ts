import type { DecodeResult } from './decode.js';
import type { PacketInput } from './encode.js';
import { EncodeError } from './errors.js';
import { isoShanghai } from './text.js';
import type { Packet, PollutantValues, Tolerance } from './types.js';

// The flat JSON form the CLI prints and reads: one object per packet, DataTime as ISO 8601 with
// the +08:00 offset, numbers as numbers and flags as strings.

export interface PacketJson {
  ok: true;
  qn?: string;
  st: string;
  cn: string;
  pw: string;
  mn: string;
  flag: number;
  pnum?: number;
  pno?: number;
  dataTime?: string;
  pollutants: Record<string, PollutantValues>;
  params: Record<string, string | number>;
  tolerances?: Tolerance[];
}

export interface ErrorJson {
  ok: false;
  error: string;
  message: string;
  offset?: number;
}

export function packetToJson(p: Packet, tolerances: Tolerance[] = []): PacketJson {
  const out = { ok: true } as PacketJson; // built in this order so the JSON reads like the packet
  if (p.qn !== undefined) out.qn = p.qn;
  Object.assign(out, { st: p.st, cn: p.cn, pw: p.pw, mn: p.mn, flag: p.flag.raw });
  if (p.pnum !== undefined) out.pnum = p.pnum;
  if (p.pno !== undefined) out.pno = p.pno;
  if (p.cp.dataTime !== undefined) out.dataTime = isoShanghai(p.cp.dataTime);
  out.pollutants = p.cp.pollutants;
  out.params = p.cp.params;
  if (tolerances.length > 0) out.tolerances = tolerances;
  return out;
}

export function resultToJson(r: DecodeResult): PacketJson | ErrorJson {
  if (r.ok) return packetToJson(r.packet, r.tolerances);
  return { ok: false, error: r.code, message: r.message, offset: r.offset };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** The JSON form back to an encoder input. `dataTime` may be ISO 8601 or `YYYYMMDDhhmmss`. */
/** The keys `hj212 encode` reads (those `decode` writes, less `ok`/`tolerances`, which it ignores). */
const JSON_KEYS = new Set([
  'ok',
  'qn',
  'st',
  'cn',
  'pw',
  'mn',
  'flag',
  'pnum',
  'pno',
  'dataTime',
  'pollutants',
  'params',
  'tolerances',
]);

export function packetFromJson(j: unknown): PacketInput {
  if (typeof j !== 'object' || j === null) throw new EncodeError('expected a JSON object');
  const o = j as Record<string, unknown>;
  // A misspelt or misplaced key would silently drop data from the packet: refuse it.
  const unknown = Object.keys(o).filter((k) => !JSON_KEYS.has(k));
  if (unknown.length)
    throw new EncodeError(
      `unknown key ${unknown.map((k) => `"${k}"`).join(', ')}; expected ${[...JSON_KEYS].join(', ')}`,
    );
  const str = (k: string, required = true): string | undefined => {
    const v = o[k];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string') throw new EncodeError(`"${k}" must be a string`);
    return v;
  };
  const num = (k: string): number | undefined => {
    const v = o[k];
    if (v !== undefined && typeof v !== 'number') throw new EncodeError(`"${k}" must be a number`);
    return v;
  };
  const p: PacketInput = { st: str('st')!, cn: str('cn')!, pw: str('pw')!, mn: str('mn')! };
  const qn = str('qn', false);
  if (qn !== undefined) p.qn = qn;
  const flag = num('flag');
  if (flag !== undefined) p.flag = flag;
  const pnum = num('pnum');
  const pno = num('pno');
  if (pnum !== undefined) p.pnum = pnum;
  if (pno !== undefined) p.pno = pno;
  p.cp = {};
  const dt = str('dataTime', false);
  if (dt !== undefined) p.cp.dataTime = /^\d{14}$/.test(dt) ? dt : isoToDate(dt);
  if (o.pollutants !== undefined) p.cp.pollutants = o.pollutants as Record<string, PollutantValues>;
  if (o.params !== undefined) p.cp.params = o.params as Record<string, string | number>;
  return p;
}

function isoToDate(s: string): Date {
  if (!ISO.test(s)) throw new EncodeError(`dataTime must be ISO 8601 with an offset or YYYYMMDDhhmmss: ${s}`);
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw new EncodeError(`dataTime is not a real time: ${s}`);
  return d;
}
