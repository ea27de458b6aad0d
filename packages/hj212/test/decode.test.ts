import { describe, expect, it } from 'vitest';
import { decode } from '../src/decode.js';
import { minuteSegment, refPacket, STANDARD_EXAMPLE } from './reference.js';

const HEAD = 'QN=20250821125000123;ST=31;CN=2051;PW=123456;MN=88888880000001;Flag=5';
const pkt = (cp: string, head = HEAD) => refPacket(`${head};CP=&&${cp}&&`);

describe('decode: valid packets', () => {
  it('decodes the standard worked example', () => {
    const r = decode(STANDARD_EXAMPLE, { strict: true });
    expect(r).toEqual({
      ok: true,
      tolerances: [],
      packet: {
        qn: '20160801085857223',
        st: '32',
        cn: '1062',
        pw: '100000',
        mn: '010000A8900016F000169DC0',
        flag: { raw: 5, version: 1, subpacket: false, answerRequired: true },
        cp: { pollutants: {}, params: { RtdInterval: 30 } },
      },
    });
  });

  it('decodes a minute upload: DataTime as an instant in UTC+8, numbers, flags', () => {
    const r = decode(refPacket(minuteSegment(10)), { strict: true });
    if (!r.ok) throw new Error(r.message);
    expect(r.packet.cp.dataTime?.toISOString()).toBe('2025-08-21T04:50:00.000Z');
    expect(r.packet.cp.dataTimeText).toBe('20250821125000');
    expect(Object.keys(r.packet.cp.pollutants)).toHaveLength(10);
    expect(r.packet.cp.pollutants.a21026).toEqual({
      Min: 10.5,
      Avg: 12.5,
      Max: 14.25,
      ZsAvg: 14.1,
      Flag: 'N',
    });
  });

  it('decodes answers, parameters, facility and information fields', () => {
    const ans = decode(
      refPacket(`${HEAD.replace('ST=31;CN=2051', 'ST=91;CN=9014').replace('Flag=5', 'Flag=4')};CP=&&&&`),
    );
    expect(ans.ok && ans.packet.cp).toEqual({ pollutants: {}, params: {} });
    const r = decode(
      pkt('DataTime=20250821125000;PolId=w01018;SB1-RS=1,SB1-RT=23.5;i12001-Info=0012;QnRtn=1'),
    );
    expect(r.ok && r.packet.cp).toMatchObject({
      params: { PolId: 'w01018', QnRtn: 1 },
      pollutants: { SB1: { RS: 1, RT: 23.5 }, i12001: { Info: '0012' } },
    });
  });

  it('decodes sub-packet headers', () => {
    const r = decode(
      pkt('DataTime=20250821125000;a21026-Rtd=1', `${HEAD.replace('Flag=5', 'Flag=7')};PNUM=3;PNO=2`),
    );
    expect(r.ok && [r.packet.pnum, r.packet.pno, r.packet.flag.subpacket]).toEqual([3, 2, true]);
  });

  it('parses numbers exactly: negatives, leading dot, long digit strings', () => {
    const r = decode(pkt('a21026-Rtd=-0.125,a21026-Avg=.5,a21026-Max=1234567890123456.5,a21026-Min=007'));
    expect(r.ok && r.packet.cp.pollutants.a21026).toEqual({
      Rtd: -0.125,
      Avg: 0.5,
      Max: 1234567890123456.5,
      Min: 7,
    });
  });

  it('reads every plain decimal exactly, the short ones through the eight-byte path', () => {
    const values = ['0', '7', '12.5', '12.534', '.5', '5.', '0.000001', '1234567', '12345678', '99999999'];
    const long = ['1234.5678', '00000001.5', '123456789012345', '-12.5', '-.5'];
    for (const v of [...values, ...long]) {
      for (const cp of [`a21026-Min=${v},a21026-Flag=N`, `a21026-Flag=N,a21026-Min=${v}`]) {
        const r = decode(pkt(cp), { strict: true });
        expect(r.ok && r.packet.cp.pollutants.a21026?.Min).toBe(Number(v));
      }
    }
    for (const v of ['1.2.3', '1e5', '+1', '1 2', '.', '12a', '0x10', '١٢']) {
      const r = decode(pkt(`a21026-Min=${v},a21026-Flag=N`));
      expect(r.ok ? r.packet.cp : r.code).toBe('BAD_FIELD');
    }
  });

  it('gives DataTime the instant Date.UTC gives, for any calendar time', () => {
    const times = ['20250821125000', '19991231235959', '20000229000000', '21000301000000', '20240229120000'];
    for (const t of [...times, '00990101080000', '00000101000000', '99991231235959', '16000229000000']) {
      const r = decode(pkt(`DataTime=${t};a21026-Rtd=1`));
      const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((k, i) =>
        Number(t.slice(k, i === 0 ? 4 : k + 2)),
      );
      expect(r.ok && r.packet.cp.dataTime?.getTime()).toBe(Date.UTC(y!, mo! - 1, d, h! - 8, mi, s));
    }
    for (const t of [
      '20230229000000',
      '20251301000000',
      '20250100000000',
      '20250821240000',
      '2025082112500x',
    ]) {
      const r = decode(pkt(`DataTime=${t};a21026-Rtd=1`));
      expect(r.ok ? r.packet.cp : r.code).toBe('BAD_FIELD');
    }
  });

  it('keeps wire keys as data: __proto__ never touches a prototype', () => {
    const r = decode(pkt('__proto__-Rtd=1,__proto__-x=2;constructor-Rtd=3;__proto__=4'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.hasOwn(r.packet.cp.pollutants, '__proto__')).toBe(true);
    expect(r.packet.cp.pollutants.constructor).toEqual({ Rtd: 3 });
    expect(({} as Record<string, unknown>).Rtd).toBeUndefined();
  });
});

// Each tolerated variant: its name in tolerant mode, its error in strict mode.
const gbk = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK
const withGbk = (() => {
  const seg = new TextEncoder().encode(`${HEAD};CP=&&i12001-Info=XX&&`);
  const at = seg.indexOf(0x58);
  const out = new Uint8Array(seg.length + 2);
  out.set(seg.subarray(0, at));
  out.set(gbk, at);
  out.set(seg.subarray(at + 2), at + 4);
  return refPacket(out);
})();
const TOLERANCES: [string, Uint8Array, string, string][] = [
  [
    'lowercase CRC',
    new TextEncoder().encode(STANDARD_EXAMPLE.replace('1C80', '1c80')),
    'LOWERCASE_CRC',
    'CRC_MISMATCH',
  ],
  ['no CRLF', refPacket(minuteSegment(1), { trailer: '' }), 'MISSING_CRLF', 'BAD_TRAILER'],
  ['2005 code', pkt('02-Rtd=1.5'), 'CODE_2005', 'BAD_FIELD'],
  ['GBK text', withGbk, 'GBK_TEXT', 'BAD_TEXT'],
  ['length over 1024', refPacket(minuteSegment(12)), 'LENGTH_OVER_1024', 'TOO_LONG'],
  ['no Flag', pkt('a21026-Rtd=1', HEAD.replace(';Flag=5', '')), 'MISSING_FLAG', 'BAD_SEGMENT'],
  ['2005 Flag', pkt('a21026-Rtd=1', HEAD.replace('Flag=5', 'Flag=1')), 'PROTOCOL_VERSION', 'BAD_FIELD'],
  ['no QN', pkt('a21026-Rtd=1', HEAD.replace('QN=20250821125000123;', '')), 'MISSING_QN', 'BAD_SEGMENT'],
  ['short QN', pkt('a21026-Rtd=1', HEAD.replace('123;', ';')), 'QN_FORMAT', 'BAD_FIELD'],
  [
    'fields reordered',
    pkt('a21026-Rtd=1', 'ST=31;QN=20250821125000123;CN=2051;PW=1;MN=1;Flag=5'),
    'FIELD_ORDER',
    'BAD_SEGMENT',
  ],
  ['unknown header field', pkt('a21026-Rtd=1', `${HEAD};XX=1`), 'UNKNOWN_FIELD', 'BAD_SEGMENT'],
  ['trailing ; in CP', pkt('a21026-Rtd=1;'), 'EMPTY_ITEM', 'BAD_SEGMENT'],
  ['empty value', pkt('a21026-Rtd=,a21026-Flag=N'), 'EMPTY_VALUE', 'BAD_FIELD'],
  ['PNUM without D bit', pkt('a21026-Rtd=1', `${HEAD};PNUM=2;PNO=1`), 'SUBPACKET_FLAG', 'BAD_FIELD'],
];

describe('decode: tolerances', () => {
  it.each(TOLERANCES.map(([name, bytes, tolerance, strictCode]) => ({ name, bytes, tolerance, strictCode })))(
    '$name: tolerant → $tolerance, strict → $strictCode',
    ({ bytes, tolerance, strictCode }) => {
      const loose = decode(bytes);
      expect(loose.ok, JSON.stringify(loose)).toBe(true);
      expect(loose.ok && loose.tolerances.map((t) => t.name)).toContain(tolerance);
      const strict = decode(bytes, { strict: true });
      expect(strict.ok === false && strict.code).toBe(strictCode);
    },
  );

  it('maps 2005 codes by system: 01 is smoke for air, 001 is pH for water', () => {
    const air = decode(pkt('01-Rtd=3;S01-Rtd=20.9'));
    expect(air.ok && Object.keys(air.packet.cp.pollutants)).toEqual(['a34013', 'a19001']);
    const water = decode(pkt('001-Rtd=7.1;011-Avg=30;B01-Cou=12', HEAD.replace('ST=31', 'ST=32')));
    expect(water.ok && Object.keys(water.packet.cp.pollutants)).toEqual(['w01001', 'w01018', 'w00000']);
    expect(water.ok && water.tolerances[0]).toEqual({
      name: 'CODE_2005',
      offset: expect.any(Number),
      detail: '001→w01001',
    });
  });

  it('decodes GBK text', () => {
    const r = decode(withGbk);
    expect(r.ok && r.packet.cp.pollutants.i12001?.Info).toBe('中文');
  });
});

const ERRORS: [string, Uint8Array | string, string, number][] = [
  ['no ##', 'xx0101', 'BAD_HEADER', 0],
  ['empty', '', 'BAD_HEADER', 0],
  ['length not digits', '##01a1QN=1&&1C80\r\n', 'BAD_LENGTH', 2],
  ['too short for a length', '##01', 'BAD_LENGTH', 2],
  ['length lies', refPacket(minuteSegment(1), { length: 50 }), 'LENGTH_MISMATCH', 2],
  ['wrong CRC', refPacket(minuteSegment(1), { crc: '0000' }), 'CRC_MISMATCH', 6 + minuteSegment(1).length],
  ['CRC not hex', refPacket(minuteSegment(1), { crc: 'XYZW' }), 'CRC_MISMATCH', 6 + minuteSegment(1).length],
  ['no CP', refPacket(HEAD), 'BAD_SEGMENT', 6 + HEAD.length - 6],
  ['CP unterminated', refPacket(`${HEAD};CP=&&a21026-Rtd=1`), 'BAD_SEGMENT', 6 + HEAD.length + 1],
  ['ST not 2 digits', pkt('', HEAD.replace('ST=31', 'ST=3')), 'BAD_FIELD', 6 + 24],
  ['CN not digits', pkt('', HEAD.replace('CN=2051', 'CN=20a1')), 'BAD_FIELD', 6 + 30],
  ['no such day', pkt('DataTime=20250230120000'), 'BAD_FIELD', 6 + HEAD.length + 15],
  ['not a number', pkt('a21026-Rtd=1.2.3'), 'BAD_FIELD', 6 + HEAD.length + 17],
  ['item without =', pkt('a21026-Rtd'), 'BAD_FIELD', 6 + HEAD.length + 6],
  [
    'PNO over PNUM',
    pkt('', `${HEAD.replace('Flag=5', 'Flag=7')};PNUM=2;PNO=3`),
    'BAD_FIELD',
    6 + HEAD.length + 12,
  ],
];

describe('decode: errors are values with a code and an offset', () => {
  it.each(ERRORS.map(([name, input, code, offset]) => ({ name, input, code, offset })))(
    '$name → $code at $offset',
    ({ input, code, offset }) => {
      for (const strict of [false, true])
        expect(decode(input, { strict })).toMatchObject({ ok: false, code, offset });
    },
  );

  it('honours maxLength', () => {
    expect(decode(refPacket(minuteSegment(1)), { maxLength: 100 })).toMatchObject({
      ok: false,
      code: 'TOO_LONG',
    });
  });
});
