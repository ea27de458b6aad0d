import { fromPermitLimitFields } from '../limits/permit-limits.repository';
import { hashPassword } from '../platform/auth/password';
import type { Db, Trx } from '../platform/db/database';
import { seedReportDefinitions } from '../reports/report-definitions.seed';
import { generateDemoCity } from './generate-city';
import { seedCampaigns } from './seed-campaigns';

export const DEMO_PASSWORD = 'dabiao-demo';

async function insertChunked<T>(
  items: T[],
  size: number,
  insert: (chunk: T[]) => Promise<number[]>,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += size) ids.push(...(await insert(items.slice(i, i + size))));
  return ids;
}

/** Writes the generated demo city in one transaction: all of it or none. */
export async function seedDemoCity(db: Db, seed = 20171): Promise<void> {
  const city = generateDemoCity(seed);
  // Every demo account has the published password `dabiao-demo`; one salted hash serves them all
  // (a per-account salt protects nothing when the password itself is public, and hashing 300
  // accounts one by one would cost the demo ~15 s of start-up).
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx: Trx) => {
    const operatorIds = await insertChunked(city.operators, 500, async (c) =>
      (
        await trx
          .insertInto('operator_company')
          .values(c.map((o) => ({ name: o.name })))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
    const operatorId = new Map(city.operators.map((o, i) => [o.key, operatorIds[i]!]));

    const gridIds = await insertChunked(city.grids, 500, async (c) =>
      (
        await trx
          .insertInto('grid')
          .values(
            c.map((g) => ({
              code: g.code,
              name: g.name,
              township_code: g.townshipCode,
              region_code: g.townshipCode.slice(0, 6),
              officer_name: g.officer.displayName,
              officer_phone: g.officer.phone,
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
    const gridId = new Map(city.grids.map((g, i) => [g.key, gridIds[i]!]));

    const enterpriseIds = await insertChunked(city.enterprises, 500, async (c) =>
      (
        await trx
          .insertInto('enterprise')
          .values(
            c.map((e) => ({
              credit_code: e.creditCode,
              name: e.name,
              legal_representative: e.legalRepresentative,
              address: e.address,
              lng: e.lng,
              lat: e.lat,
              region_code: e.regionCode,
              township_code: e.townshipCode,
              grid_id: e.gridKey ? (gridId.get(e.gridKey) ?? null) : null,
              industry_code: e.industryCode,
              programme_industry: e.programmeIndustry,
              batch: e.batch,
              control_level: e.controlLevel,
              key_kinds: e.keyKinds,
              status: e.status,
              products_and_scale: e.productsAndScale,
              started_on: e.startedOn,
              env_contact: e.envContact,
              env_contact_phone: e.envContactPhone,
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
    const enterpriseId = new Map(city.enterprises.map((e, i) => [e.key, enterpriseIds[i]!]));

    const userIds = await insertChunked(city.users, 500, async (c) =>
      (
        await trx
          .insertInto('app_user')
          .values(
            c.map((u) => ({
              username: u.username,
              display_name: u.displayName,
              role: u.role,
              region_code: u.regionCode,
              enterprise_id: u.enterpriseKey ? (enterpriseId.get(u.enterpriseKey) ?? null) : null,
              operator_id: u.operatorKey ? (operatorId.get(u.operatorKey) ?? null) : null,
              password_hash: hash,
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
    for (const [i, u] of city.users.entries()) {
      if (u.role === 'grid' && u.gridKey) {
        await trx
          .updateTable('grid')
          .set({ officer_user_id: userIds[i]! })
          .where('id', '=', gridId.get(u.gridKey)!)
          .execute();
      }
    }

    const permitIds = await insertChunked(city.permits, 500, async (c) =>
      (
        await trx
          .insertInto('permit')
          .values(
            c.map((p) => ({
              enterprise_id: enterpriseId.get(p.enterpriseKey)!,
              number: p.number,
              management_class: p.managementClass,
              valid_from: p.validFrom,
              valid_to: p.validTo,
              execution_report_duty: p.executionReportDuty,
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
    const permitPollutants = city.permits.flatMap((p, i) =>
      p.pollutants.map((x) => ({
        permit_id: permitIds[i]!,
        pollutant_code: x.pollutantCode,
        annual_total_t: x.annualTotalT,
      })),
    );
    await insertChunked(permitPollutants, 1000, async (c) => {
      await trx.insertInto('permit_pollutant').values(c).execute();
      return [];
    });
    const permitLimits = city.permits.flatMap((p, i) =>
      p.limits.map((l) => fromPermitLimitFields(permitIds[i]!, l)),
    );
    await insertChunked(permitLimits, 1000, async (c) => {
      await trx.insertInto('permit_limit').values(c).execute();
      return [];
    });

    const outletIds = await insertChunked(city.outlets, 500, async (c) =>
      (
        await trx
          .insertInto('outlet')
          .values(
            c.map((o) => ({
              enterprise_id: enterpriseId.get(o.enterpriseKey)!,
              kind: o.kind,
              code: o.code,
              name: o.name,
              stack_height_m: o.stackHeightM,
              stack_diameter_m: o.stackDiameterM,
              flue_temperature_c: o.flueTemperatureC,
              reference_o2: o.referenceO2,
              lng: o.lng,
              lat: o.lat,
              pollutants: o.pollutants,
              profile: o.profile,
              standard_category: o.standardCategory,
              source_age: o.sourceAge,
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
    const outletId = new Map(city.outlets.map((o, i) => [o.key, outletIds[i]!]));

    await insertChunked(city.monitors, 500, async (c) => {
      await trx
        .insertInto('monitor')
        .values(
          c.map((m) => ({
            outlet_id: outletId.get(m.outletKey)!,
            mn: m.mn,
            password: m.password,
            manufacturer: m.manufacturer,
            model: m.model,
            installed_on: m.installedOn,
            operator_id: m.operatorKey ? (operatorId.get(m.operatorKey) ?? null) : null,
          })),
        )
        .execute();
      return [];
    });
    await insertChunked(city.facilities, 500, async (c) => {
      await trx
        .insertInto('facility')
        .values(
          c.map((f) => ({
            enterprise_id: enterpriseId.get(f.enterpriseKey)!,
            outlet_id: f.outletKey ? (outletId.get(f.outletKey) ?? null) : null,
            name: f.name,
            process: f.process,
            capacity: f.capacity,
            feasible_technology: f.feasibleTechnology,
          })),
        )
        .execute();
      return [];
    });
  });
  // The programme the city runs (E1) and the reports it asks of its districts (L5).
  await seedCampaigns(db);
  await seedReportDefinitions(db);
}

/** The demo logins to print on start and list in the README: one per role, not every grid officer. */
export function demoLogins(seed = 20171): { username: string; role: string; displayName: string }[] {
  const seen = new Set<string>();
  const out: { username: string; role: string; displayName: string }[] = [];
  for (const u of generateDemoCity(seed).users) {
    if (u.role === 'district' || !seen.has(u.role))
      out.push({ username: u.username, role: u.role, displayName: u.displayName });
    seen.add(u.role);
  }
  return out;
}
