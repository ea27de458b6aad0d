import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/decode.js';
import { COMMANDS } from '../src/dictionary/commands.js';
import { encode } from '../src/encode.js';
import { formatLocalTime } from '../src/text.js';
import { packetInput } from './arbitraries.js';
import { refCrc } from './reference.js';

describe('encode → decode round-trips', () => {
  it('for generated packets of every command', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(packetInput, (input) => {
        seen.add(input.cn);
        const bytes = encode(input, { maxLength: 9999 });
        const long = bytes.length - 12 > 1024;
        const r = decode(bytes, { strict: !long });
        if (!r.ok) throw new Error(`${r.code} at ${r.offset}: ${r.message}`);
        expect(r.tolerances.map((t) => t.name)).toEqual(long ? ['LENGTH_OVER_1024'] : []);
        const sub = input.pnum !== undefined;
        const answerRequired = typeof input.flag === 'object' && input.flag.answerRequired === true;
        const expected = {
          qn: input.qn,
          st: input.st,
          cn: input.cn,
          pw: input.pw,
          mn: input.mn,
          flag: {
            raw: 4 | (sub ? 2 : 0) | (answerRequired ? 1 : 0),
            version: 1,
            subpacket: sub,
            answerRequired,
          },
          ...(sub ? { pnum: input.pnum, pno: input.pno } : {}),
          cp: {
            params: input.cp?.params ?? {},
            pollutants: input.cp?.pollutants ?? {},
            ...(input.cp?.dataTime instanceof Date
              ? { dataTime: input.cp.dataTime, dataTimeText: formatLocalTime(input.cp.dataTime) }
              : {}),
          },
        };
        expect(r.packet).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
    expect([...seen].sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('writes the length and the CRC as the reference does', () => {
    fc.assert(
      fc.property(packetInput, (input) => {
        const bytes = encode(input, { maxLength: 9999 });
        const text = new TextDecoder().decode(bytes);
        const len = Number(text.slice(2, 6));
        expect(bytes.length).toBe(len + 12);
        const crc = refCrc(bytes.subarray(6, 6 + len))
          .toString(16)
          .toUpperCase()
          .padStart(4, '0');
        expect(text.slice(6 + len)).toBe(`${crc}\r\n`);
      }),
      { numRuns: 300 },
    );
  });
});
