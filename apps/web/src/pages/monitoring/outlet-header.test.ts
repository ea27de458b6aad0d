import { describe, expect, it } from 'vitest';
import type { MonitorStatus, Series } from '../../api/monitoring';
import type { Monitor, Outlet } from '../../api/types';
import { headerFrom } from './outlet-header';

const probe: Series = {
  outletId: 1,
  outletCode: 'DA001',
  outletName: '1#机组排气筒',
  outletKind: 'air',
  enterpriseId: 9,
  enterpriseName: '湖南宇通热电股份有限公司',
  referenceO2: 6,
  pollutant: { code: 'a21026', name: '二氧化硫', unit: 'mg/m³', amountUnit: 'kg' },
  period: 'day',
  from: '2026-11-23T00:00:00+08:00',
  to: '2026-11-24T00:00:00+08:00',
  points: [],
};

const monitor = (id: number, active: boolean): Monitor => ({
  id,
  outletId: 1,
  mn: `MN${id}`,
  manufacturer: null,
  model: null,
  installedOn: null,
  active,
  version: 1,
});

describe('headerFrom', () => {
  it("takes the outlet's pollutants and units (active ones first) from the enterprise record", () => {
    const outlet = {
      id: 1,
      pollutants: ['a34013', 'a21026'],
      monitors: [monitor(3, false), monitor(5, true)],
    };
    const header = headerFrom(probe, outlet as unknown as Outlet, []);
    expect(header).toMatchObject({ outletCode: 'DA001', enterpriseId: 9, referenceO2: 6 });
    expect(header.pollutants).toEqual(['a34013', 'a21026']);
    expect(header.monitors.map((m) => [m.id, m.active])).toEqual([
      [5, true],
      [3, false],
    ]);
  });

  it('falls back to the monitoring list when the enterprise record cannot be read', () => {
    const status = [{ id: 7, mn: 'MN7' } as MonitorStatus];
    const header = headerFrom(probe, undefined, status);
    expect(header.pollutants).toEqual([]);
    expect(header.monitors).toEqual([{ id: 7, mn: 'MN7', active: true }]);
  });
});
