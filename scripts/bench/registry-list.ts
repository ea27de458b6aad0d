import { makeCreditCode } from '@dabiao/domain';
import { buildApp } from '../../apps/server/src/app';
import { seedDemoCity } from '../../apps/server/src/demo/seed-city';
import { bootstrap } from '../../apps/server/src/platform/bootstrap/bootstrap';
import { loadConfig } from '../../apps/server/src/platform/config';
import type { Db } from '../../apps/server/src/platform/db/database';
import { openTestDatabase } from '../../apps/server/test/support/test-database';
import { percentile } from './util';

const TARGET = 10_000;
const DISTRICTS = ['430902', '430903', '430921', '430922', '430923', '430971', '430972', '430981'];

/** Tops the demo city up to 10,000 enterprises with plausible rows. */
async function fillTo(db: Db, target: number) {
  const { n } = await db
    .selectFrom('enterprise')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = Array.from({ length: target - Number(n) }, (_, i) => {
    const division = DISTRICTS[i % DISTRICTS.length]!;
    const body = `MB${String(i).padStart(6, '0')}`;
    return {
      credit_code: makeCreditCode({ authority: '9', orgType: '1', division, orgBody: body }),
      name: `益阳市压测${['化工', '纸业', '建材', '食品', '电子'][i % 5]}${i}号有限公司`,
      region_code: division,
      industry_code: ['2614', '2221', '3011', '1391', '3982'][i % 5]!,
      control_level: ['none', 'city', 'provincial', 'national'][i % 4]!,
      batch: (i % 3) + 1,
      lng: 112 + (i % 100) / 100,
      lat: 28.3 + (i % 80) / 100,
    };
  });
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('enterprise')
      .values(rows.slice(i, i + 1000))
      .execute();
}

const QUERIES = [
  '/api/v1/enterprises?page=1&pageSize=20',
  '/api/v1/enterprises?page=37&pageSize=20&sort=-updatedAt',
  '/api/v1/enterprises?regionCode=430903&pageSize=50',
  '/api/v1/enterprises?q=%E7%BA%B8%E4%B8%9A&pageSize=20',
  '/api/v1/enterprises?controlLevel=national&batch=1&sort=name',
  '/api/v1/enterprises?industryCode=26&page=3',
];

export async function registryListBench(kind: 'postgres' | 'pglite') {
  process.env.DB_KIND = kind;
  const database = await openTestDatabase();
  try {
    const config = { ...loadConfig({}), demo: true, loginRateLimitPerMinute: 1000 };
    await bootstrap(database.db, config, (db) => seedDemoCity(db));
    await fillTo(database.db, TARGET);
    const app = await buildApp({ database, config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const auth = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'dabiao-demo' }),
    });
    const { token } = (await auth.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    for (const q of QUERIES) await (await fetch(base + q, { headers })).json(); // warm-up
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = await fetch(base + QUERIES[i % QUERIES.length]!, { headers });
      const body = (await res.json()) as { total: number };
      times.push(performance.now() - t0);
      if (i === 0) total = body.total;
    }
    await app.close();
    times.sort((a, b) => a - b);
    const result = {
      enterprises: total,
      p50Ms: Number(percentile(times, 50).toFixed(1)),
      p95Ms: Number(percentile(times, 95).toFixed(1)),
    };
    const goal = kind === 'postgres' ? 50 : 150;
    console.log(
      `enterprise list (${kind}, ${total} enterprises, 300 requests over HTTP): p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (goal p95 ≤ ${goal} ms)`,
    );
    return result;
  } finally {
    await database.close();
  }
}
