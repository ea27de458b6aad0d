// An independent, deliberately naive packet writer for fixtures: string concatenation and the
// bit-by-bit CRC exactly as the notes state it, sharing no code with src/ (pg-protocol's habit of
// testing the parser against a separate encoder).

export function refCrc(bytes: Uint8Array): number {
  let reg = 0xffff;
  for (const b of bytes) {
    reg = (reg >> 8) ^ b;
    for (let k = 0; k < 8; k++) reg = reg & 1 ? (reg >> 1) ^ 0xa001 : reg >> 1;
  }
  return reg;
}

export interface RefOptions {
  /** Override the declared length. */
  length?: number;
  /** Override the CRC text. */
  crc?: string;
  /** Trailer after the CRC; default CRLF. */
  trailer?: string;
  lowercase?: boolean;
}

/** `##LLLL<segment>CCCC\r\n` for a data segment given as text (UTF-8) or bytes. */
export function refPacket(segment: string | Uint8Array, o: RefOptions = {}): Uint8Array {
  const data = typeof segment === 'string' ? new TextEncoder().encode(segment) : segment;
  let crc = o.crc ?? refCrc(data).toString(16).padStart(4, '0').toUpperCase();
  if (o.lowercase) crc = crc.toLowerCase();
  const head = new TextEncoder().encode(`##${String(o.length ?? data.length).padStart(4, '0')}`);
  const tail = new TextEncoder().encode(`${crc}${o.trailer ?? '\r\n'}`);
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

export const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** The standard's own worked example (CN 1062). */
export const STANDARD_EXAMPLE =
  '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n';

/** A 2017 minute-data upload segment with `n` pollutants (n=10 is about 900 bytes on the wire). */
export function minuteSegment(n = 10, qn = '20250821125000123'): string {
  const codes = [
    'a21026',
    'a21002',
    'a34013',
    'a19001',
    'a01011',
    'a01012',
    'a01013',
    'a01014',
    'a00000',
    'a21005',
  ];
  const groups = [];
  for (let k = 0; k < n; k++) {
    const c = codes[k % codes.length] + (k >= codes.length ? String(k) : '');
    groups.push(
      `${c}-Min=${(10.5 + k).toFixed(2)},${c}-Avg=${(12.5 + k).toFixed(3)},${c}-Max=${(14.25 + k).toFixed(2)},` +
        `${c}-ZsAvg=${(14.1 + k).toFixed(1)},${c}-Flag=N`,
    );
  }
  return `QN=${qn};ST=31;CN=2051;PW=123456;MN=88888880000001;Flag=5;CP=&&DataTime=20250821125000;${groups.join(';')}&&`;
}
