import { describe, expect, it } from 'vitest';
import { decode } from '../src/decode.js';
import { encode, type PacketInput } from '../src/encode.js';
import { SubpacketAssembler } from '../src/subpackets.js';
import type { Packet } from '../src/types.js';

const part = (
  pno: number,
  pnum: number,
  pollutants: Record<string, Record<string, number>>,
  qn = '20250821125000123',
) => {
  const input: PacketInput = {
    qn,
    st: '31',
    cn: '2051',
    pw: '123456',
    mn: 'MN1',
    flag: 7,
    pnum,
    pno,
    cp: { dataTime: '20250821125000', pollutants },
  };
  const r = decode(encode(input), { strict: true });
  if (!r.ok) throw new Error(r.message);
  return r.packet;
};

describe('SubpacketAssembler', () => {
  it('passes whole packets through and reassembles parts in any order', () => {
    let now = 0;
    const a = new SubpacketAssembler({ now: () => now, timeoutMs: 1000 });
    const whole = decode(encode({ st: '31', cn: '2011', pw: '1', mn: 'M' })) as { packet: Packet };
    expect(a.add(whole.packet)).toBe(whole.packet);
    expect(a.add(part(2, 3, { a21002: { Rtd: 2 } }))).toBeNull();
    now = 10;
    expect(a.add(part(3, 3, { a34013: { Rtd: 3 } }))).toBeNull();
    expect(a.size).toBe(1);
    const done = a.add(part(1, 3, { a21026: { Rtd: 1 } }));
    expect(done).toMatchObject({
      cn: '2051',
      flag: { raw: 5, subpacket: false },
      cp: {
        dataTimeText: '20250821125000',
        pollutants: { a21026: { Rtd: 1 }, a21002: { Rtd: 2 }, a34013: { Rtd: 3 } },
      },
    });
    expect(done).not.toHaveProperty('pnum');
    expect(a.size).toBe(0);
  });

  it('expires incomplete groups after the timeout and says what is missing', () => {
    let now = 0;
    const a = new SubpacketAssembler({ now: () => now, timeoutMs: 1000 });
    a.add(part(1, 4, { a21026: { Rtd: 1 } }));
    a.add(part(3, 4, { a21026: { Avg: 1 } }));
    now = 999;
    expect(a.expire()).toEqual([]);
    now = 1000;
    expect(a.expire()).toEqual([
      { mn: 'MN1', cn: '2051', qn: '20250821125000123', pnum: 4, missing: [2, 4], firstAt: 0 },
    ]);
    expect(a.size).toBe(0);
  });

  it('keeps at most maxGroups, reporting the oldest it drops', () => {
    const a = new SubpacketAssembler({ now: () => 0, maxGroups: 2 });
    for (const qn of ['20250821125000001', '20250821125000002', '20250821125000003'])
      a.add(part(1, 2, {}, qn));
    expect(a.size).toBe(2);
    expect(a.expire().map((g) => g.qn)).toEqual(['20250821125000001']);
  });

  it('a retried part replaces the earlier copy', () => {
    const a = new SubpacketAssembler();
    a.add(part(1, 2, { a21026: { Rtd: 1 } }));
    a.add(part(1, 2, { a21026: { Rtd: 9 } }));
    expect(a.add(part(2, 2, {}))?.cp.pollutants).toEqual({ a21026: { Rtd: 9 } });
  });
});
