import { describe, expect, it } from 'vitest';
import { anomalyRules, DEFAULT_ANOMALY_RULES } from '../../src/anomalies/defaults';
import { evaluateAnomalies } from '../../src/anomalies/evaluate';
import { ANOMALY_RULE_CODES, ANOMALY_RULE_LABELS } from '../../src/anomalies/labels';
import type { HourValue } from '../../src/anomalies/types';
import * as domain from '../../src/index';
import { airWindow, at, NOW, onlyRule, series, v, wobble } from './helpers';

/**
 * Hours 0-11: SO2 pinned at 35.2 during 2-7 (constant), NOx 0 during 4-9 (zero-negative), flow 0
 * during 9-11 (zero-flow for SO2), O2 varying; the unit last sent data at hour 12, now is 24.
 */
function busyWindow() {
  return airWindow(
    series(12, (i): Record<string, HourValue> => {
      const o2 = wobble(8, i);
      const so2 = i >= 2 && i < 8 ? 35.2 : wobble(20, i);
      return {
        a21026: v(so2, { zsAvg: (so2 * 15) / (21 - o2) }),
        a21002: v(i >= 4 && i < 10 ? 0 : wobble(30, i)),
        a19001: v(o2),
        a00000: v(i >= 9 ? 0 : wobble(40, i)),
      };
    }),
    { lastDataAt: at(12) },
  );
}

const summary = (fs: ReturnType<typeof evaluateAnomalies>) => fs.map((f) => [f.rule, f.pollutant, f.start]);

describe('evaluateAnomalies', () => {
  it('orders findings by rule (canonical order), then pollutant, then start', () => {
    const fs = evaluateAnomalies(busyWindow(), NOW);
    expect(summary(fs)).toEqual([
      ['offline', null, at(12)],
      ['constant', 'a21026', at(2)],
      ['zero-negative', 'a21002', at(4)],
      ['zero-flow', 'a21026', at(9)],
    ]);
    // The order does not depend on the order the configuration lists the rules in.
    const reversed = [...DEFAULT_ANOMALY_RULES].reverse();
    expect(summary(evaluateAnomalies(busyWindow(), NOW, reversed))).toEqual(summary(fs));
  });

  it('several runs of one pollutant come in start order', () => {
    const w = airWindow(series(20, (i) => ({ a21026: v(i < 6 || (i >= 10 && i < 17) ? 0 : 5 + i) })));
    const fs = evaluateAnomalies(w, NOW, onlyRule('zero-negative'));
    expect(fs.map((f) => [f.start, f.end])).toEqual([
      [at(0), at(6)],
      [at(10), at(17)],
    ]);
  });

  it('a finding overlapping an approved filing carries its id (the largest overlap wins) and says so', () => {
    const filings = [
      { id: 4, startsAt: at(0), endsAt: at(3) },
      { id: 5, startsAt: at(3), endsAt: at(20) },
    ];
    const fs = evaluateAnomalies({ ...busyWindow(), filings }, NOW, onlyRule('constant'));
    expect(fs).toHaveLength(1);
    expect(fs[0]?.filingId).toBe(5);
    expect(fs[0]?.text).toContain('报备编号 5');
    const none = evaluateAnomalies(busyWindow(), NOW, onlyRule('constant'));
    expect(none[0]?.filingId).toBeNull();
  });

  it('a disabled rule, or one the configuration leaves out, gives nothing', () => {
    expect(evaluateAnomalies(busyWindow(), NOW, onlyRule('constant', { enabled: false }))).toEqual([]);
    expect(evaluateAnomalies(busyWindow(), NOW, [])).toEqual([]);
    const fs = evaluateAnomalies(busyWindow(), NOW, anomalyRules({ offline: { enabled: false } }));
    expect(fs.map((f) => f.rule)).not.toContain('offline');
  });

  it('anomalyRules merges overrides into the defaults; minHours changes the verdict', () => {
    const rules = anomalyRules({ constant: { minHours: 7 }, 'hugging-limit': { params: { share: 0.8 } } });
    expect(rules.map((r) => r.code)).toEqual(ANOMALY_RULE_CODES);
    expect(rules.find((r) => r.code === 'hugging-limit')?.params).toEqual({ share: 0.8, maxCv: 0.02 });
    expect(summary(evaluateAnomalies(busyWindow(), NOW, rules)).map((s) => s[0])).not.toContain('constant');
  });

  it('a config with missing params falls back to the defaults', () => {
    const fs = evaluateAnomalies(busyWindow(), NOW, [
      { code: 'zero-negative', enabled: true, minHours: 6, params: {} },
    ]);
    expect(fs[0]?.evidence.atMost).toBe(0);
  });

  it('evidence survives JSON; texts are Chinese sentences naming the rule', () => {
    for (const f of evaluateAnomalies(busyWindow(), NOW)) {
      expect(JSON.parse(JSON.stringify(f.evidence))).toEqual(f.evidence);
      expect(f.text.startsWith(ANOMALY_RULE_LABELS[f.rule].zh)).toBe(true);
      expect(f.monitorId).toBe(7);
    }
  });

  it('defaults and labels cover every rule, in order; the package index exports the API', () => {
    expect(DEFAULT_ANOMALY_RULES.map((r) => r.code)).toEqual(ANOMALY_RULE_CODES);
    expect(Object.keys(ANOMALY_RULE_LABELS).sort()).toEqual([...ANOMALY_RULE_CODES].sort());
    expect(DEFAULT_ANOMALY_RULES.every((r) => r.enabled && r.minHours >= 1)).toBe(true);
    expect(domain.evaluateAnomalies).toBe(evaluateAnomalies);
    expect(domain.DEFAULT_ANOMALY_RULES).toBe(DEFAULT_ANOMALY_RULES);
  });

  it('an empty window gives nothing but offline', () => {
    expect(evaluateAnomalies(airWindow([], { lastDataAt: null }), NOW)).toEqual([]);
  });
});
