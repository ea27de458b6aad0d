import { describe, expect, it } from 'vitest';
import { evaluateAnomalies } from '../../src/anomalies/evaluate';
import type { HourValue } from '../../src/anomalies/types';
import { airWindow, at, HOUR, NOW, onlyRule, series, T0, v, waterWindow, wobble } from './helpers';

/** An ordinary air hour: SO2, NOx, O2 about 9 %, flow about 40 m³/s, ZsAvg consistent with O2. */
function airHour(i: number, over: Record<string, HourValue> = {}): Record<string, HourValue> {
  const so2 = wobble(20, i);
  const nox = wobble(30, i);
  const o2 = wobble(8, i);
  const k = 15 / (21 - o2); // reference 6 %
  return {
    a21026: v(so2, { zsAvg: so2 * k }),
    a21002: v(nox, { zsAvg: nox * k }),
    a19001: v(o2),
    a00000: v(wobble(40, i)),
    ...over,
  };
}

describe('offline', () => {
  const rules = onlyRule('offline');
  it('3 h without data (≥ 2 h) → one monitor-level finding from lastDataAt to now', () => {
    const [f, ...rest] = evaluateAnomalies(airWindow([], { lastDataAt: at(21) }), NOW, rules);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'offline', pollutant: null, start: at(21), end: NOW, filingId: null });
    expect(f?.evidence).toMatchObject({ hoursSilent: 3, thresholdHours: 2 });
    expect(f?.text).toContain('2025-03-02 05:00');
    expect(f?.text).toContain('3 小时');
  });

  it('1 h 59 min silent, or never connected → nothing', () => {
    const lastDataAt = new Date(NOW.getTime() - 2 * HOUR + 60_000);
    expect(evaluateAnomalies(airWindow([], { lastDataAt }), NOW, rules)).toEqual([]);
    expect(evaluateAnomalies(airWindow([], { lastDataAt: null }), NOW, rules)).toEqual([]);
  });
});

describe('constant', () => {
  const rules = onlyRule('constant');
  const pinned = (from: number, to: number) => (i: number) =>
    airHour(i, i >= from && i < to ? { a21026: v(35.2, { zsAvg: 44 }) } : {});

  it('SO2 35.2 six hours in a row → finding over those hours', () => {
    const [f, ...rest] = evaluateAnomalies(airWindow(series(12, pinned(2, 8))), NOW, rules);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'constant', pollutant: 'a21026', start: at(2), end: at(8) });
    expect(f?.evidence).toMatchObject({ value: 35.2, hours: 6, thresholdHours: 6 });
    expect(f?.evidence.values).toHaveLength(6);
    expect(f?.text).toContain('35.2 mg/m³');
    expect(f?.text).toContain('2025-03-01 10:00 至 2025-03-01 16:00');
  });

  it('five hours, or a 0.1 change in the middle → nothing', () => {
    expect(evaluateAnomalies(airWindow(series(12, pinned(2, 7))), NOW, rules)).toEqual([]);
    const broken = (i: number) => (i === 5 ? airHour(i, { a21026: v(35.3) }) : pinned(2, 9)(i));
    expect(evaluateAnomalies(airWindow(series(12, broken)), NOW, rules)).toEqual([]);
  });
});

describe('zero-negative', () => {
  const rules = onlyRule('zero-negative');
  const zeros = [0, -0.2, 0, 0, -0.1, 0];
  const win = (val: (k: number) => HourValue) =>
    airWindow(series(10, (i) => airHour(i, i >= 3 && i < 9 ? { a21026: val(i - 3) } : {})));

  it('six hours ≤ 0 → finding with min and max', () => {
    const [f, ...rest] = evaluateAnomalies(
      win((k) => v(zeros[k] as number)),
      NOW,
      rules,
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'zero-negative', pollutant: 'a21026', start: at(3), end: at(9) });
    expect(f?.evidence).toMatchObject({ atMost: 0, hours: 6, min: -0.2, max: 0 });
  });

  it('0.01 in one hour, or one hour flagged F (stop) → nothing', () => {
    expect(
      evaluateAnomalies(
        win((k) => v(k === 2 ? 0.01 : 0)),
        NOW,
        rules,
      ),
    ).toEqual([]);
    expect(
      evaluateAnomalies(
        win((k) => v(0, k === 3 ? { flag: 'F' } : {})),
        NOW,
        rules,
      ),
    ).toEqual([]);
  });
});

describe('out-of-range', () => {
  const rules = onlyRule('out-of-range');
  const ranges = { a21002: { lo: 0, hi: 500 } };
  const win = (nox: number) =>
    airWindow(
      series(6, (i) => airHour(i, i === 4 ? { a21002: v(nox) } : {})),
      { ranges },
    );

  it('NOx 520 above the range 0–500 for one hour → finding', () => {
    const [f, ...rest] = evaluateAnomalies(win(520), NOW, rules);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'out-of-range', pollutant: 'a21002', start: at(4), end: at(5) });
    expect(f?.evidence).toMatchObject({ range: { lo: 0, hi: 500, source: 'window' }, max: 520, hours: 1 });
    expect(f?.text).toContain('0～500 mg/m³');
  });

  it('exactly 500 is inside → nothing', () => {
    expect(evaluateAnomalies(win(500), NOW, rules)).toEqual([]);
  });

  it('without a range: an hour flagged T counts; params hi.<code> are the fallback range', () => {
    const t = airWindow(series(3, (i) => airHour(i, i === 1 ? { a21026: v(180, { flag: 'T' }) } : {})));
    const [f] = evaluateAnomalies(t, NOW, rules);
    expect(f).toMatchObject({ pollutant: 'a21026', start: at(1), end: at(2) });
    expect(f?.evidence).toMatchObject({ range: null, hoursFlaggedT: 1 });
    const p = airWindow(series(3, (i) => airHour(i, i === 1 ? { a21002: v(450) } : {})));
    const fromParams = evaluateAnomalies(p, NOW, onlyRule('out-of-range', { params: { 'hi.a21002': 400 } }));
    expect(fromParams.map((x) => [x.pollutant, x.evidence.range])).toEqual([
      ['a21002', { lo: null, hi: 400, source: 'params' }],
    ]);
  });
});

describe('flag-too-long', () => {
  const rules = onlyRule('flag-too-long');
  // SO2 flagged D at hours 2-5 and M at 6-8: 7 hours in a row.
  const flagged = (i: number) =>
    airHour(i, i >= 2 && i < 9 ? { a21026: v(null, { flag: i < 6 ? 'D' : 'M', valid: false }) } : {});

  it('D 4 h then M 3 h without a filing → one 7-hour finding', () => {
    const [f, ...rest] = evaluateAnomalies(airWindow(series(12, flagged)), NOW, rules);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'flag-too-long',
      pollutant: 'a21026',
      start: at(2),
      end: at(9),
      filingId: null,
    });
    expect(f?.evidence).toMatchObject({ flags: { D: 4, M: 3 }, hours: 7, thresholdHours: 6 });
    expect(f?.text).toContain('故障（D）4 小时、维护（M）3 小时');
  });

  it('inside an approved filing (hours 4-6 filed) → nothing; five hours → nothing', () => {
    const filings = [{ id: 31, startsAt: at(4), endsAt: at(7) }];
    expect(evaluateAnomalies(airWindow(series(12, flagged), { filings }), NOW, rules)).toEqual([]);
    const short = (i: number) => airHour(i, i >= 2 && i < 7 ? { a21026: v(null, { flag: 'C' }) } : {});
    expect(evaluateAnomalies(airWindow(series(12, short)), NOW, rules)).toEqual([]);
  });
});

describe('hugging-limit', () => {
  const rules = onlyRule('hugging-limit');
  const limits = { a21002: 50 };
  const zs = [48.8, 49.0, 48.9, 49.1, 48.7, 49.0];
  const win = (vals: number[]) =>
    airWindow(
      series(10, (i) =>
        airHour(i, i >= 2 && i < 2 + vals.length ? { a21002: v(39, { zsAvg: vals[i - 2] }) } : {}),
      ),
      { limits },
    );

  it('NOx ZsAvg 48.7–49.1 for 6 h against 50 (CV ≈ 0.4 %) → finding with mean and CV', () => {
    const [f, ...rest] = evaluateAnomalies(win(zs), NOW, rules);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'hugging-limit', pollutant: 'a21002', start: at(2), end: at(8) });
    const e = f?.evidence as Record<string, number>;
    expect(e).toMatchObject({
      limit: 50,
      share: 0.9,
      band: [45, 50],
      valueKind: 'zsAvg',
      hours: 6,
      min: 48.7,
      max: 49.1,
    });
    expect(e.mean).toBeCloseTo(48.916667, 5);
    const sd = Math.sqrt(zs.reduce((s, x) => s + (x - 293.5 / 6) ** 2, 0) / 6);
    expect(e.cv).toBeCloseTo(sd / (293.5 / 6), 9);
    expect(e.cv).toBeLessThan(0.02);
  });

  it('one hour at 44.9 (just below 90 %) → nothing; spread 45/50 (CV 5.3 %) → nothing', () => {
    expect(evaluateAnomalies(win([48.8, 49.0, 44.9, 49.1, 48.7, 49.0]), NOW, rules)).toEqual([]);
    expect(evaluateAnomalies(win([45, 50, 45, 50, 45, 50]), NOW, rules)).toEqual([]);
  });

  it('water compares the average', () => {
    const w = waterWindow(
      series(6, (i) => ({ w01018: v(47.5 + (i % 2) * 0.2), w00000: v(20) })),
      { limits: { w01018: 50 } },
    );
    const [f] = evaluateAnomalies(w, NOW, rules);
    expect(f).toMatchObject({ pollutant: 'w01018', start: at(0), end: at(6) });
    expect(f?.evidence.valueKind).toBe('avg');
  });
});

describe('zero-flow', () => {
  const rules = onlyRule('zero-flow');
  const win = (from: number, to: number, flow: HourValue | null) =>
    airWindow(
      series(8, (i) => {
        const h = airHour(i);
        if (i < from || i >= to) return h;
        if (flow === null) {
          const { a00000: _, ...rest } = h;
          return rest;
        }
        return { ...h, a00000: flow };
      }),
    );

  it('SO2 and NOx > 0 while flow is 0 for 3 h → one finding per pollutant', () => {
    const fs = evaluateAnomalies(win(2, 5, v(0)), NOW, rules);
    expect(fs.map((f) => [f.pollutant, f.start, f.end])).toEqual([
      ['a21002', at(2), at(5)],
      ['a21026', at(2), at(5)],
    ]);
    expect(fs[1]?.evidence).toMatchObject({ hours: 3, hoursFlowAbsent: 0, maxConcentration: wobble(20, 3) }); // 21.03, the largest of hours 2-4
  });

  it('flow absent counts as zero', () => {
    const fs = evaluateAnomalies(win(2, 5, null), NOW, rules);
    expect(fs).toHaveLength(2);
    expect(fs[0]?.evidence.hoursFlowAbsent).toBe(3);
  });

  it('two hours, or flow 0 flagged F (declared stop) → nothing', () => {
    expect(evaluateAnomalies(win(2, 4, v(0)), NOW, rules)).toEqual([]);
    expect(evaluateAnomalies(win(2, 5, v(0, { flag: 'F' })), NOW, rules)).toEqual([]);
  });
});

describe('o2-ambient', () => {
  const rules = onlyRule('o2-ambient');
  const win = (o2: [number, number], flow = 40) =>
    airWindow(
      series(6, (i) =>
        airHour(i, i === 2 || i === 3 ? { a19001: v(o2[i - 2] as number), a00000: v(flow) } : {}),
      ),
    );

  it('O2 20.1 and 20.4 % with the fan running, 2 h → finding on a19001', () => {
    const [f, ...rest] = evaluateAnomalies(win([20.1, 20.4]), NOW, rules);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'o2-ambient', pollutant: 'a19001', start: at(2), end: at(4) });
    expect(f?.evidence).toMatchObject({ threshold: 19.5, hours: 2, maxO2: 20.4, lowestFlow: 40 });
  });

  it('O2 19.1/19.4 (just below 19.5), or flow 0 → nothing', () => {
    expect(evaluateAnomalies(win([19.1, 19.4]), NOW, rules)).toEqual([]);
    expect(evaluateAnomalies(win([20.1, 20.4], 0), NOW, rules)).toEqual([]);
  });

  it('water monitors are not judged', () => {
    const w = waterWindow(series(4, () => ({ a19001: v(20.5), w00000: v(5) })));
    expect(evaluateAnomalies(w, NOW, rules)).toEqual([]);
  });
});

describe('zs-mismatch', () => {
  const rules = onlyRule('zs-mismatch');
  // SO2 80 mg/m³ at 9 % O2, reference 6 %: corrected 80 × 15 / 12 = 100.
  const win = (zsAvg: number, hours = 3) =>
    airWindow(
      series(6, (i) => airHour(i, i >= 1 && i < 1 + hours ? { a21026: v(80, { zsAvg }), a19001: v(9) } : {})),
    );

  it('unit reports ZsAvg 80 where correctForO2 gives 100 (20 % off), 3 h → finding', () => {
    const [f, ...rest] = evaluateAnomalies(win(80), NOW, rules);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'zs-mismatch', pollutant: 'a21026', start: at(1), end: at(4) });
    expect(f?.evidence).toMatchObject({ referenceO2: 6, tolerance: 0.05, hours: 3, maxRelativeDiff: 0.2 });
    expect(f?.evidence.worst).toMatchObject({
      zsAvg: 80,
      computed: 100,
      formula: '80 × (21 − 6) / (21 − 9) = 100',
    });
    expect(f?.text).toContain('80 × (21 − 6) / (21 − 9) = 100 mg/m³');
  });

  it('104.9 (4.9 %, inside 5 %) → nothing; 105.1 → finding; two hours → nothing', () => {
    expect(evaluateAnomalies(win(104.9), NOW, rules)).toEqual([]);
    expect(evaluateAnomalies(win(105.1), NOW, rules)).toHaveLength(1);
    expect(evaluateAnomalies(win(80, 2), NOW, rules)).toEqual([]);
  });

  it('no reference O2 → not judged', () => {
    expect(evaluateAnomalies({ ...win(80), referenceO2: null }, NOW, rules)).toEqual([]);
  });
});

describe('a missing hour breaks every run', () => {
  it('constant 3 h + gap + 3 h → nothing', () => {
    const hours = series(7, (i) => (i === 3 ? null : { a21026: v(35.2) }));
    expect(hours).toHaveLength(6);
    expect(hours[3]?.hour.getTime()).toBe(T0 + 4 * HOUR);
    expect(evaluateAnomalies(airWindow(hours), NOW, onlyRule('constant'))).toEqual([]);
  });
});
