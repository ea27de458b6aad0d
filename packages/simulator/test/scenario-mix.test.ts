import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options.js';
import { demoScenarioMix } from '../src/scenario-mix.js';

describe('demo scenario mix', () => {
  const units = Array.from({ length: 300 }, (_, i) => ({ mn: `MN${i}` }));

  it('puts most units in normal and some in every trouble scenario, the same way every time', () => {
    const mix = demoScenarioMix(units);
    expect(demoScenarioMix(units)).toEqual(mix);
    const counts: Record<string, number> = {};
    for (const s of Object.values(mix)) counts[s] = (counts[s] ?? 0) + 1;
    for (const s of [
      'exceedance',
      'constant',
      'zeros',
      'calibration',
      'clipped',
      'gaps',
      'drift',
      'disconnect',
    ])
      expect(counts[s]).toBeGreaterThan(0);
    expect(Object.keys(mix).length).toBeLessThan(units.length / 2);
  });

  it('parses --mix demo and --backfill-hours, refusing them with a period or an unknown mix', () => {
    const o = parseCliOptions(['--api', 'http://x', '--mix', 'demo', '--backfill-hours', '24']);
    expect(o).toMatchObject({ mix: 'demo', backfillHours: 24 });
    expect(() => parseCliOptions(['--api', 'http://x', '--mix', 'chaos'])).toThrow(/unknown --mix/);
    expect(() =>
      parseCliOptions([
        '--api',
        'http://x',
        '--backfill-hours',
        '2',
        '--from',
        '2025-01-01',
        '--to',
        '2025-01-02',
      ]),
    ).toThrow(/backfill-hours/);
  });
});
