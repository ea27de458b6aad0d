import {
  type ControlLevel,
  CREDIT_CODE_CHARSET,
  type EnterpriseStatus,
  makeCreditCode,
  programmeIndustry,
} from '@dabiao/domain';
import type { DemoEnterprise } from './demo-city.types';
import { DEMO_DISTRICTS, districtOf } from './demo-districts';
import { distanceKm, pointWithin } from './demo-geo';
import { type ClassOption, INDUSTRY_MIX, type IndustryMix } from './demo-industry-mix';
import { companyName, dateBetween, mobilePhone, personName, streetAddress } from './demo-names';
import type { TownshipPlace } from './generate-grids';
import type { Prng } from './prng';

/** An enterprise with what the later stages need to give it outlets and a permit. */
export interface PlannedEnterprise {
  enterprise: DemoEnterprise;
  mix: IndustryMix;
  option: ClassOption;
  /** 0 (smallest of its industry) … 1 (largest). */
  size: number;
}

const CONTROL_LEVELS: readonly ControlLevel[] = ['national', 'provincial', 'city', 'none'];
const WWTP_NAMES = ['城市', '城北', '城南', '第二', '工业园区', '城东'];
const BODY_CHARS = CREDIT_CODE_CHARSET.split('');
const ALWAYS_OPERATING = new Set(['thermal_power', 'wastewater_plant', 'waste_incineration']);

/** Bigger plants lean towards higher control levels. */
function controlLevel(prng: Prng, mix: IndustryMix, size: number): ControlLevel {
  const [n, p, c, none] = mix.control;
  return prng.weighted(CONTROL_LEVELS, [n * (0.5 + size), p * (0.7 + size * 0.6), c, none * (1.5 - size)]);
}

function creditCode(prng: Prng, division: string, startYear: number, used: Set<string>): string {
  for (;;) {
    // Codes issued since 2015 carry an 'MA…' organisation body; older firms kept their
    // GB 11714 organisation code (8 digits) inside the new code.
    let body = startYear >= 2015 ? `MA4${prng.pick(['L', 'P', 'Q', 'R'])}` : String(prng.pick([5, 6, 7]));
    while (body.length < 8) body += startYear >= 2015 ? prng.pick(BODY_CHARS) : String(prng.int(0, 9));
    const code = makeCreditCode({ authority: '9', orgType: '1', division, orgBody: body });
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function location(prng: Prng, township: TownshipPlace): [number, number] {
  const d = districtOf(township.districtCode);
  for (let i = 0; i < 20; i++) {
    const [lng, lat] = pointWithin(prng, township.lng, township.lat, 2.5);
    // Half a kilometre of margin so outlets around the plant stay inside the district too.
    if (distanceKm(d.lng, d.lat, lng, lat) <= d.radiusKm - 0.5) return [lng, lat];
  }
  return [Math.round(township.lng * 1e6) / 1e6, Math.round(township.lat * 1e6) / 1e6];
}

/** '沅江市城市污水处理厂', then 城北, 城南… for the district's further plants. */
function sewagePlantName(place: string, used: Set<string>): string {
  const name =
    WWTP_NAMES.map((w) => `${place}${w}污水处理厂`).find((n) => !used.has(n)) ??
    `${place}第${used.size}污水处理厂`;
  used.add(name);
  return name;
}

function formatScale(option: ClassOption, size: number): string {
  const [lo, hi] = option.scale;
  const n = lo + size * (hi - lo);
  const shown = hi <= 10 ? n.toFixed(1).replace(/\.0$/, '') : String(Math.round(n));
  return `${option.product} ${shown}${option.unit}`;
}

/** Enterprises of every programme industry of the mix, spread over the districts. */
export function generateEnterprises(
  prng: Prng,
  townships: readonly TownshipPlace[],
  regionNames: Map<string, string>,
): PlannedEnterprise[] {
  const out: PlannedEnterprise[] = [];
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  for (const mix of INDUSTRY_MIX) {
    const programme = programmeIndustry(mix.key)!;
    const districtCodes = Object.keys(mix.districts);
    for (let i = 0; i < mix.count; i++) {
      // Every district has its own sewage plant; other industries follow the weights.
      const districtCode =
        mix.key === 'wastewater_plant' && i < DEMO_DISTRICTS.length
          ? DEMO_DISTRICTS[i]!.code
          : prng.weighted(
              districtCodes,
              districtCodes.map((c) => mix.districts[c]!),
            );
      const district = districtOf(districtCode);
      const candidates = townships.filter((t) => t.districtCode === districtCode);
      const township = prng.weighted(
        candidates,
        candidates.map((t) => t.industryWeight),
      );
      const option = prng.weighted(
        mix.classes,
        mix.classes.map((c) => c.weight),
      );
      const size = prng.next();
      const startedOn = dateBetween(prng, mix.started[0], mix.started[1]);
      const [lng, lat] = location(prng, township);
      const place = prng.weighted([district.short, '益阳', '湖南'], [5, 3, 2]);
      const name =
        mix.key === 'wastewater_plant'
          ? sewagePlantName(district.short, usedNames)
          : companyName(prng, place, prng.pick(option.trade), usedNames);
      const status: EnterpriseStatus = ALWAYS_OPERATING.has(mix.key)
        ? 'operating'
        : prng.weighted<EnterpriseStatus>(['operating', 'stopped', 'closed'], [88, 8, 4]);
      const districtName = (regionNames.get(districtCode) ?? '').replace(/^(湖南)?益阳(市)?/, '');
      const key = `ent-${String(out.length + 1).padStart(4, '0')}`;
      out.push({
        mix,
        option,
        size,
        enterprise: {
          key,
          creditCode: creditCode(prng, districtCode, Number(startedOn.slice(0, 4)), usedCodes),
          name,
          legalRepresentative: personName(prng),
          address: `湖南省益阳市${districtName}${township.name}${streetAddress(prng)}`,
          lng,
          lat,
          regionCode: districtCode,
          townshipCode: township.code,
          gridKey: prng.pick(township.grids).key,
          industryCode: option.code,
          programmeIndustry: programme.key,
          batch: programme.batch,
          controlLevel: controlLevel(prng, mix, size),
          keyKinds: [],
          status,
          productsAndScale: formatScale(option, size),
          startedOn,
          envContact: personName(prng),
          envContactPhone: mobilePhone(prng),
        },
      });
    }
  }
  return out;
}
