import type { Packet } from '@dabiao/hj212';
import type { RecordKind } from '../../platform/db/schema';

/** What the gateway does with a decoded packet, decided by its command code alone. */
export type FrameKind =
  | { type: 'data'; kind: RecordKind }
  /** Answers and uploads that belong to a platform request (9011, 9012, 1011 time, 1061/1063 intervals). */
  | { type: 'reply' }
  /** The unit asks for time calibration (1013): archived, answered with a 1012. */
  | { type: 'time-request' }
  /** Everything else a unit may send (2021 running status, 2041, 2081 restart, notifications): archived. */
  | { type: 'other' };

const DATA_KINDS: Readonly<Record<string, RecordKind>> = {
  '2011': 'rtd',
  '2051': 'min',
  '2061': 'hour',
  '2031': 'day',
};

const REPLY_CNS = new Set(['9011', '9012', '1011', '1061', '1063', '3020']);

export function frameKind(packet: Pick<Packet, 'cn'>): FrameKind {
  const kind = DATA_KINDS[packet.cn];
  if (kind) return { type: 'data', kind };
  if (REPLY_CNS.has(packet.cn)) return { type: 'reply' };
  if (packet.cn === '1013') return { type: 'time-request' };
  return { type: 'other' };
}

/** The Shanghai hour containing `t` (UTC+8 has no DST, so hours align with UTC hours). */
export function hourOf(t: Date): Date {
  return new Date(Math.floor(t.getTime() / 3_600_000) * 3_600_000);
}

const MN_PATTERN = /;MN=([^;&]{1,64});/;

/** Best-effort MN of a frame that did not decode, so the archive can still file it per monitor. */
export function sniffMn(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 200)));
  return MN_PATTERN.exec(head)?.[1] ?? null;
}
