// Records to HJ 212 packets through the codec. A record too long for one 1024-byte data segment
// is split into sub-packets (PNUM/PNO, same QN), whole pollutants per part.
import { dataUpload, encode, encodeSegment, type PacketInput, type Station } from '@dabiao/hj212';
import type { DataRecord } from './types.js';

/** The standard's maximum data segment. */
export const MAX_SEGMENT = 1024;

/** The upload(s) for a record: one packet, or sub-packets when it would exceed 1024 bytes. */
export function recordPackets(
  station: Station,
  record: DataRecord,
  qn: string,
  answerRequired = true,
): PacketInput[] {
  const whole = dataUpload(station, record.cn, record.dataTime, record.pollutants, { qn, answerRequired });
  if (encodeSegment(whole).length <= MAX_SEGMENT) return [whole];
  // Room for the pollutants: the segment without them, plus PNUM=xxxx;PNO=xxxx; at worst.
  const empty = encodeSegment({ ...whole, cp: { ...whole.cp, pollutants: {} } }).length + 20;
  const parts: Record<string, DataRecord['pollutants'][string]>[] = [];
  let current: (typeof parts)[number] = {};
  let size = empty;
  for (const [code, fields] of Object.entries(record.pollutants)) {
    const group = Object.entries(fields).reduce(
      (n, [k, v]) => n + code.length + k.length + String(v).length + 3,
      0,
    );
    if (size + group > MAX_SEGMENT && Object.keys(current).length > 0) {
      parts.push(current);
      current = {};
      size = empty;
    }
    current[code] = fields;
    size += group;
  }
  parts.push(current);
  return parts.map((pollutants, i) => ({
    ...whole,
    pnum: parts.length,
    pno: i + 1,
    cp: { ...whole.cp, pollutants },
  }));
}

/** The bytes of each packet of a record. */
export function encodeRecord(
  station: Station,
  record: DataRecord,
  qn: string,
  answerRequired = true,
): Uint8Array[] {
  return recordPackets(station, record, qn, answerRequired).map((p) => encode(p));
}
