// Makes the real server raise an exceedance alarm, as the alarm engine would for any unit: one of
// the enterprise's data units sends minute data of a few past hours over HJ 212, two whole hours
// with SO2 far above any limit; the aggregator turns them into hourly values, the engine judges
// them against the outlet's limit and dispatches a sheet to the district.
import { type DataRecord, type SimUnit, UnitClient, UnitGenerator } from '@dabiao/simulator';
import type { Harness } from './server-harness';

const HOUR = 3_600_000;
export const SO2 = 'a21026';

export interface SeededAlarm {
  id: number;
  enterpriseId: number;
  districtCode: string;
  outletId: number;
  sheet: { id: number; number: string; state: string; version: number };
}

async function getJson<T>(harness: Harness, token: string, path: string): Promise<T> {
  const response = await fetch(`${harness.baseUrl}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function sendOver(c: UnitClient, record: DataRecord): Promise<void> {
  return new Promise((ok, fail) =>
    c.send(record, {
      keep: false,
      onDone: (answered) => (answered ? ok() : fail(new Error('the gateway did not answer'))),
    }),
  );
}

/** Minute records of [start, end) with SO2 at `so2` mg/m³ during [hotFrom, hotTo). */
export function exceedingRecords(
  unit: SimUnit,
  start: Date,
  end: Date,
  hotFrom: number,
  hotTo: number,
  so2 = 900,
) {
  const records = [
    ...new UnitGenerator({ unit, seed: 5 }).records(start, end, { hourly: false, daily: false }),
  ];
  for (const r of records) {
    const at = r.dataTime.getTime();
    const fields = r.pollutants[SO2];
    if (!fields || at < hotFrom || at >= hotTo) continue;
    Object.assign(fields, { Avg: so2, Min: so2 - 5, Max: so2 + 5, ZsAvg: so2, Flag: 'N' });
  }
  return records;
}

/**
 * Sends the data of the enterprise's first SO2 air unit and waits until its exceedance alarm has a
 * sheet. `token` is an administrator's bearer token.
 */
export async function seedExceedance(
  harness: Harness,
  token: string,
  enterpriseId: number,
  timeoutMs = 150_000,
): Promise<SeededAlarm> {
  const enterprise = await getJson<{
    regionCode: string;
    outlets: { id: number; kind: string; pollutants: string[]; monitors: { mn: string }[] }[];
  }>(harness, token, `/enterprises/${enterpriseId}`);
  const outlet = enterprise.outlets.find(
    (o) => o.kind === 'air' && o.pollutants.includes(SO2) && o.monitors.length,
  );
  if (!outlet) throw new Error(`enterprise ${enterpriseId} has no SO2 air outlet with a unit`);
  const units = await getJson<{ items: SimUnit[] }>(harness, token, '/monitoring/simulator-units');
  const unit = units.items.find((u) => u.mn === outlet.monitors[0]!.mn);
  if (!unit) throw new Error(`no simulator unit for ${outlet.monitors[0]!.mn}`);

  const end = new Date(Math.floor(Date.now() / 600_000) * 600_000);
  const hour = Math.floor(end.getTime() / HOUR) * HOUR;
  const start = new Date(hour - 4 * HOUR);
  const records = exceedingRecords(unit, start, end, hour - 3 * HOUR, hour - HOUR);
  const client = new UnitClient({ host: '127.0.0.1', port: harness.hj212Port, unit });
  client.start();
  try {
    for (const r of records) await sendOver(client, r);
  } finally {
    await client.stop();
  }

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await getJson<{
      items: {
        id: number;
        outlet: { id: number };
        districtCode: string;
        sheet: SeededAlarm['sheet'] | null;
      }[];
    }>(harness, token, `/alarms?kind=exceedance&enterpriseId=${enterpriseId}&pollutant=${SO2}`);
    const hit = page.items.find((a) => a.outlet.id === outlet.id && a.sheet);
    if (hit?.sheet)
      return {
        id: hit.id,
        enterpriseId,
        districtCode: hit.districtCode,
        outletId: outlet.id,
        sheet: hit.sheet,
      };
    if (Date.now() > deadline) throw new Error('timed out waiting for the exceedance alarm and its sheet');
    await new Promise((r) => setTimeout(r, 1000));
  }
}
