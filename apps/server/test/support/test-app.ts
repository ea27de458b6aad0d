import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { InboxBus } from '../../src/alarms/inbox/inbox-bus';
import { buildApp } from '../../src/app';
import { seedDemoCity } from '../../src/demo/seed-city';
import { Gateway } from '../../src/monitoring/gateway/gateway';
import { bootstrap } from '../../src/platform/bootstrap/bootstrap';
import { type Clock, type Config, loadConfig } from '../../src/platform/config';
import type { Database } from '../../src/platform/db/database';
import { openTestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: MutableClock;
  /** The HJ 212 gateway on a free port, when asked for (`gateway: true`). */
  gateway?: Gateway;
  gatewayPort?: number;
  /** The app's inbox push (what the alarm engine would publish to after its commits). */
  inbox: InboxBus;
  /** A bearer token for a demo user (password dabiao-demo). */
  token(username: string): Promise<string>;
  /** `app.inject` with a bearer token. */
  as(
    username: string,
  ): Promise<(method: string, url: string, body?: unknown) => Promise<LightMyRequestResponse>>;
  close(): Promise<void>;
}

export class MutableClock implements Clock {
  constructor(private current = new Date('2026-11-23T02:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The app on a database of its own with the demo city (or an empty production city). */
export async function buildTestApp(
  options: { demo?: boolean; config?: Partial<Config>; gateway?: boolean } = {},
): Promise<TestApp> {
  const database = await openTestDatabase({ demo: options.demo ?? true });
  const config: Config = {
    ...loadConfig({}),
    demo: options.demo ?? true,
    adminPassword: 'test-admin-password',
    loginRateLimitPerMinute: 10_000,
    ...options.config,
  };
  await bootstrap(database.db, config, (db) => seedDemoCity(db));
  const clock = new MutableClock();
  const gateway = options.gateway
    ? new Gateway({
        database,
        port: 0,
        host: '127.0.0.1',
        limits: { quietFlushMs: 200 },
        log: (e, d) => process.env.GATEWAY_LOG && console.log(e, d),
      })
    : undefined;
  const gatewayPort = gateway ? await gateway.listen() : undefined;
  const inbox = new InboxBus();
  const app = await buildApp({ database, config, clock, inbox, ...(gateway ? { gateway } : {}) });
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const password = username === 'admin' && !config.demo ? 'test-admin-password' : 'dabiao-demo';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const t = res.json().token as string;
    tokens.set(username, t);
    return t;
  };
  return {
    app,
    database,
    clock,
    inbox,
    ...(gateway ? { gateway, gatewayPort: gatewayPort! } : {}),
    token,
    async as(username) {
      const t = await token(username);
      return (method, url, body) =>
        app.inject({
          method: method as 'GET',
          url: `/api/v1${url}`,
          headers: { authorization: `Bearer ${t}` },
          ...(body !== undefined ? { payload: body as object } : {}),
        });
    },
    async close() {
      await app.close();
      await gateway?.close();
      await database.close();
    },
  };
}
