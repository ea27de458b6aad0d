import { checkFrame, decode, SubpacketAssembler } from '@dabiao/hj212';
import { describe, expect, it } from 'vitest';
import { createUnitGenerator, encodeRecord, PROFILES, recordPackets, SCENARIO_NAMES } from '../src/index.js';
import { AIR_UNIT, DAY, DAY0, HOUR, unitFor } from './units.js';

const QN = '20250602000000123';

describe('packets', () => {
  it.each(Object.keys(PROFILES))(
    '%s: every upload of a day decodes, strictly, with the right CRC',
    (name) => {
      const unit = unitFor(name);
      const g = createUnitGenerator({ unit, seed: 1 });
      const records = [...g.records(DAY0, DAY0 + DAY), g.realtime(DAY0 + 12 * HOUR)!];
      for (const r of records) {
        for (const bytes of encodeRecord(unit, r, QN)) {
          const check = checkFrame(bytes);
          expect(check).toMatchObject({ lengthOk: true, crcOk: true });
          const d = decode(bytes, { strict: true });
          if (!d.ok) throw new Error(`${d.code}: ${d.message}`);
          expect(d.packet).toMatchObject({ qn: QN, st: unit.st, cn: r.cn, mn: unit.mn, pw: unit.pw });
          expect(d.packet.flag.answerRequired).toBe(true);
          expect(d.packet.flag.raw).toBe(5);
          expect(d.packet.cp.dataTime?.getTime()).toBe(r.dataTime.getTime());
          for (const [code, fields] of Object.entries(d.packet.cp.pollutants))
            expect(fields).toEqual(r.pollutants[code]);
        }
      }
    },
  );

  it('DataTime is Asia/Shanghai local time', () => {
    const r = createUnitGenerator({ unit: AIR_UNIT, seed: 1 }).hour(DAY0 + 9 * HOUR)!;
    const text = new TextDecoder().decode(encodeRecord(AIR_UNIT, r, QN)[0]);
    expect(text).toContain('DataTime=20250602090000;');
  });

  it('every scenario yields packets that decode', () => {
    for (const scenario of SCENARIO_NAMES) {
      const g = createUnitGenerator({ unit: AIR_UNIT, seed: 2, scenario });
      for (const r of g.records(DAY0, DAY0 + DAY))
        for (const bytes of encodeRecord(AIR_UNIT, r, QN))
          expect(decode(bytes, { strict: true }).ok).toBe(true);
    }
  });

  it('splits a record over 1024 bytes into sub-packets that reassemble', () => {
    const codes = ['a34013', 'a21026', 'a21002', 'a21024', 'a21005', 'a24088', 'a19001', 'a01011', 'a01012'];
    const unit = {
      ...AIR_UNIT,
      profile: 'incinerator',
      pollutants: [...codes, 'a01013', 'a01014', 'a00000'],
    };
    const r = createUnitGenerator({ unit, seed: 1 }).minute(DAY0)!;
    const parts = recordPackets(unit, r, QN);
    expect(parts.length).toBeGreaterThan(1);
    const assembler = new SubpacketAssembler({ timeoutMs: 1000 });
    let whole = null;
    for (const bytes of encodeRecord(unit, r, QN)) {
      expect(bytes.length - 12).toBeLessThanOrEqual(1024);
      const d = decode(bytes, { strict: true });
      if (!d.ok) throw new Error(d.message);
      expect(d.packet.flag.subpacket).toBe(true);
      whole = assembler.add(d.packet) ?? whole;
    }
    expect(whole).not.toBeNull();
    expect(Object.keys(whole!.cp.pollutants)).toEqual(Object.keys(r.pollutants));
  });
});
