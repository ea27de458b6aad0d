import { type PermitClass, registryPollutant } from '@dabiao/domain';
import type { DemoOutlet, DemoPermit, DemoPermitLimit, OutletProfile } from './demo-city.types';
import { dateBetween } from './demo-names';
import type { PlannedEnterprise } from './generate-enterprises';
import type { Prng } from './prng';

const CLASSES: readonly PermitClass[] = ['key', 'simplified', 'registration'];

/**
 * Last letter of the national permit number by management class. The national system uses
 * P for permits issued under key management; V and W here stand for simplified and
 * registration (the system uses further letters for re-issued and temporary permits).
 */
const SUFFIX: Record<PermitClass, string> = { key: 'P', simplified: 'V', registration: 'W' };

const DUTY: Record<PermitClass, string | null> = {
  key: '年度执行报告、季度执行报告',
  simplified: '年度执行报告',
  registration: null,
};

/** Tonnes a year per unit of plant size, by outlet profile and pollutant (order of magnitude). */
const PROFILE_FACTOR: Record<OutletProfile, number> = {
  thermal_power: 60,
  cement_kiln: 15,
  incinerator: 5,
  coal_boiler: 1,
  industrial_air: 0.5,
  wastewater_plant: 30,
  paper_mill: 10,
  dyeing: 5,
  industrial_water: 0.5,
};
const POLLUTANT_BASE: Record<string, number> = {
  a34013: 5,
  a21026: 20,
  a21002: 30,
  a24088: 3,
  a21024: 1,
  a21005: 5,
  w01018: 30,
  w21003: 3,
  w21011: 0.5,
  w21001: 8,
};

/** `YYYY-MM-DD` five years on, minus a day: the validity of a permit issued on `from`. */
export function fiveYearsFrom(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + 5, m - 1, d - 1));
  return end.toISOString().slice(0, 10);
}

const mgm3 = (pollutant: string, max: number, referenceO2: number): Omit<DemoPermitLimit, 'outletCode'> => ({
  pollutant,
  averaging: 'hour',
  value: { kind: 'max', max },
  unit: 'mg/m³',
  referenceO2,
  clause: '大气污染物有组织排放许可浓度限值表',
});

/**
 * Concentration limits written in key-management permits (许可排放浓度), stricter than the national
 * standard so the limit resolver's chain shows a permit winning: coal power units at the ultra-low
 * values (GB 13223: PM 30, SO2 100/200, NOx 100), cement kilns at NOx 350 (GB 4915: 400).
 */
const PERMIT_LIMITS: Partial<Record<OutletProfile, Omit<DemoPermitLimit, 'outletCode'>[]>> = {
  thermal_power: [mgm3('a34013', 10, 6), mgm3('a21026', 35, 6), mgm3('a21002', 50, 6)],
  cement_kiln: [mgm3('a21002', 350, 10)],
};

/** The permit's concentration limits for the enterprise's outlets; none below key management. */
function permitLimits(managementClass: PermitClass, outlets: readonly DemoOutlet[]): DemoPermitLimit[] {
  if (managementClass !== 'key') return [];
  return outlets.flatMap((o) => (PERMIT_LIMITS[o.profile] ?? []).map((l) => ({ outletCode: o.code, ...l })));
}

function permitClass(prng: Prng, p: PlannedEnterprise): PermitClass {
  const level = p.enterprise.controlLevel;
  if (level === 'national' || level === 'provincial') return 'key';
  return prng.weighted(CLASSES, [...p.mix.permit]);
}

/** Most operating and stopped enterprises hold a permit or a registration; closed ones none. */
export function generatePermits(
  prng: Prng,
  planned: readonly PlannedEnterprise[],
  outlets: readonly DemoOutlet[],
): DemoPermit[] {
  const byEnterprise = new Map<string, DemoOutlet[]>();
  for (const o of outlets)
    byEnterprise.set(o.enterpriseKey, [...(byEnterprise.get(o.enterpriseKey) ?? []), o]);
  const permits: DemoPermit[] = [];
  for (const p of planned) {
    const e = p.enterprise;
    if (e.status === 'closed' || !prng.chance(e.controlLevel === 'none' ? 0.85 : 0.97)) continue;
    const managementClass = permitClass(prng, p);
    // A few permits issued in 2020 have run out: the coverage check should find them.
    const validFrom = prng.chance(0.06) ? dateBetween(prng, 2020, 2020) : dateBetween(prng, 2021, 2025);
    const totals = new Map<string, number>();
    if (managementClass !== 'registration') {
      for (const o of byEnterprise.get(e.key) ?? []) {
        for (const code of o.pollutants) {
          if (registryPollutant(code)?.role !== 'pollutant') continue;
          const t = (POLLUTANT_BASE[code] ?? 1) * PROFILE_FACTOR[o.profile] * (0.4 + p.size);
          totals.set(code, (totals.get(code) ?? 0) + t);
        }
      }
    }
    permits.push({
      enterpriseKey: e.key,
      number: `${e.creditCode}001${SUFFIX[managementClass]}`,
      managementClass,
      validFrom,
      validTo: fiveYearsFrom(validFrom),
      executionReportDuty: DUTY[managementClass],
      pollutants: [...totals].map(([pollutantCode, t]) => ({
        pollutantCode,
        annualTotalT: Math.round(t * 1000) / 1000,
      })),
      limits: permitLimits(managementClass, byEnterprise.get(e.key) ?? []),
    });
  }
  return permits;
}
