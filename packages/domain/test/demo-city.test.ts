import {
  PROGRAMME_INDUSTRIES,
  ROLES,
  validateCreditCode,
  validateMn,
  validateOutletCode,
} from '@dabiao/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_DISTRICTS, districtOf } from '../../../apps/server/src/demo/demo-districts';
import { distanceKm } from '../../../apps/server/src/demo/demo-geo';
import { generateDemoCity } from '../../../apps/server/src/demo/generate-city';
import { fiveYearsFrom } from '../../../apps/server/src/demo/generate-permits';

const city = generateDemoCity();

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

describe('generateDemoCity', () => {
  it('is deterministic: same seed, same city; another seed, another city', () => {
    expect(generateDemoCity()).toEqual(city);
    expect(generateDemoCity(20171)).toEqual(city);
    const other = generateDemoCity(7);
    expect(other.enterprises).not.toEqual(city.enterprises);
    expect(other.regions).toEqual(city.regions);
  });

  it('takes less than a second', () => {
    const started = performance.now();
    generateDemoCity(99);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('has the sizes the demo needs', () => {
    expect(city.enterprises.length).toBeGreaterThanOrEqual(330);
    expect(city.outlets.length).toBeGreaterThanOrEqual(650);
    expect(city.monitors.length).toBeGreaterThanOrEqual(600);
    expect(city.regions).toHaveLength(2 + 8 + 98);
    for (const t of city.regions.filter((r) => r.level === 'township')) {
      const n = city.grids.filter((g) => g.townshipCode === t.code).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(4);
    }
  });

  it('gives every enterprise a valid, unique credit code in its own district', () => {
    for (const e of city.enterprises) {
      expect(validateCreditCode(e.creditCode), e.creditCode).toEqual({ ok: true });
      expect(e.creditCode.slice(2, 8)).toBe(e.regionCode);
    }
    expect(unique(city.enterprises.map((e) => e.creditCode))).toBe(true);
    expect(unique(city.enterprises.map((e) => e.name))).toBe(true);
  });

  it('places enterprises in a township and grid of their district', () => {
    const regions = new Map(city.regions.map((r) => [r.code, r]));
    const grids = new Map(city.grids.map((g) => [g.key, g]));
    for (const e of city.enterprises) {
      expect(regions.get(e.regionCode)?.level).toBe('district');
      expect(regions.get(e.townshipCode)?.parentCode).toBe(e.regionCode);
      expect(grids.get(e.gridKey)?.townshipCode).toBe(e.townshipCode);
      expect(e.envContactPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(e.startedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('keeps every enterprise and outlet inside its district radius', () => {
    const districtOfEnterprise = new Map(city.enterprises.map((e) => [e.key, districtOf(e.regionCode)]));
    for (const e of city.enterprises) {
      const d = districtOf(e.regionCode);
      expect(distanceKm(d.lng, d.lat, e.lng, e.lat), e.key).toBeLessThanOrEqual(d.radiusKm);
    }
    for (const o of city.outlets) {
      const d = districtOfEnterprise.get(o.enterpriseKey)!;
      expect(distanceKm(d.lng, d.lat, o.lng, o.lat), o.key).toBeLessThanOrEqual(d.radiusKm);
    }
  });

  it('codes outlets uniquely within each enterprise, matching their kind', () => {
    const enterpriseKeys = new Set(city.enterprises.map((e) => e.key));
    const seen = new Set<string>();
    for (const o of city.outlets) {
      expect(enterpriseKeys.has(o.enterpriseKey)).toBe(true);
      expect(validateOutletCode(o.code, o.kind)).toEqual({ ok: true, kind: o.kind });
      const id = `${o.enterpriseKey}/${o.code}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
      expect(o.referenceO2 === null || o.kind === 'air').toBe(true);
      expect(o.pollutants.every((p) => p[0] === (o.kind === 'air' ? 'a' : 'w'))).toBe(true);
    }
    expect(unique(city.outlets.map((o) => o.key))).toBe(true);
  });

  it('gives monitors valid, unique 24-character MNs and known operators', () => {
    const outletKeys = new Set(city.outlets.map((o) => o.key));
    const operatorKeys = new Set(city.operators.map((o) => o.key));
    for (const m of city.monitors) {
      expect(validateMn(m.mn), m.mn).toEqual({ ok: true });
      expect(m.mn).toMatch(/^[0-9A-Z]{24}$/);
      expect(m.password).toMatch(/^\d{6}$/);
      expect(outletKeys.has(m.outletKey)).toBe(true);
      expect(operatorKeys.has(m.operatorKey)).toBe(true);
    }
    expect(unique(city.monitors.map((m) => m.mn))).toBe(true);
    expect(unique(city.monitors.map((m) => m.outletKey))).toBe(true);
  });

  it('covers every batch-1 industry and every district', () => {
    const present = new Set(city.enterprises.map((e) => e.programmeIndustry));
    for (const p of PROGRAMME_INDUSTRIES.filter((x) => x.batch === 1))
      expect(present.has(p.key), p.key).toBe(true);
    for (const d of DEMO_DISTRICTS) {
      expect(
        city.enterprises.some((e) => e.regionCode === d.code && e.programmeIndustry === 'wastewater_plant'),
      ).toBe(true);
    }
  });

  it('issues permits with unique numbers built on the credit code, valid five years', () => {
    const byKey = new Map(city.enterprises.map((e) => [e.key, e]));
    for (const p of city.permits) {
      const e = byKey.get(p.enterpriseKey)!;
      expect(e.status).not.toBe('closed');
      expect(p.number).toMatch(new RegExp(`^${e.creditCode}\\d{3}[PQUVWXY]$`));
      expect(p.validTo).toBe(fiveYearsFrom(p.validFrom));
      if (p.managementClass === 'registration') expect(p.pollutants).toEqual([]);
    }
    expect(unique(city.permits.map((p) => p.number))).toBe(true);
    expect(fiveYearsFrom('2024-03-01')).toBe('2029-02-28');
    expect(fiveYearsFrom('2021-01-01')).toBe('2025-12-31');
  });

  it('has users for every role, unique usernames, and resolvable keys', () => {
    const roles = new Set(city.users.map((u) => u.role));
    for (const r of ROLES) expect(roles.has(r.key), r.key).toBe(true);
    expect(unique(city.users.map((u) => u.username))).toBe(true);
    const names = city.users.map((u) => u.username);
    for (const n of [
      'admin',
      'city',
      'heshan',
      'ziyang',
      'nanxian',
      'taojiang',
      'anhua',
      'yuanjiang',
      'datonghu',
      'gaoxin',
      'operator',
      'expert',
      'dept',
      'ent-1',
    ]) {
      expect(names).toContain(n);
    }
    const enterpriseKeys = new Set(city.enterprises.map((e) => e.key));
    const gridKeys = new Set(city.grids.map((g) => g.key));
    for (const u of city.users) {
      if (u.role === 'enterprise') expect(enterpriseKeys.has(u.enterpriseKey!)).toBe(true);
      if (u.role === 'grid') expect(gridKeys.has(u.gridKey!)).toBe(true);
      if (u.role === 'operator') expect(city.operators.some((o) => o.key === u.operatorKey)).toBe(true);
    }
  });

  it('links facilities to their enterprise and outlets, one to three each', () => {
    const outlets = new Map(city.outlets.map((o) => [o.key, o]));
    const perEnterprise = new Map<string, number>();
    for (const f of city.facilities) {
      if (f.outletKey) expect(outlets.get(f.outletKey)?.enterpriseKey).toBe(f.enterpriseKey);
      perEnterprise.set(f.enterpriseKey, (perEnterprise.get(f.enterpriseKey) ?? 0) + 1);
    }
    for (const e of city.enterprises) {
      const n = perEnterprise.get(e.key) ?? 0;
      expect(n, e.key).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
  });
});
