import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  hj212Port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  /** Required outside demo mode: the first administrator's password. */
  adminPassword: string | undefined;
  sessionHours: number;
  tokenHours: number;
  loginRateLimitPerMinute: number;
  publicRateLimitPerMinute: number;
  webDist: string;
  secureCookies: boolean;
  /** Run the monitoring aggregator (valid hourly/daily values, rates) in the background. */
  aggregator: boolean;
  aggregatorIntervalMs: number;
  /** A monitor is online when its last packet is at most this old (2 × a 15-min data interval). */
  monitorOnlineMinutes: number;
}

const int = (v: string | undefined, fallback: number) => {
  const n = v === undefined || v === '' ? Number.NaN : Number(v);
  return Number.isInteger(n) ? n : fallback;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    hj212Port: int(env.HJ212_PORT, 9212),
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.DEMO === '1' || env.DEMO === 'true',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionHours: int(env.SESSION_HOURS, 12),
    tokenHours: int(env.TOKEN_HOURS, 24),
    loginRateLimitPerMinute: int(env.LOGIN_RATE_LIMIT, 10),
    publicRateLimitPerMinute: int(env.PUBLIC_RATE_LIMIT, 120),
    webDist: resolve(env.WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    secureCookies: env.SECURE_COOKIES === '1',
    aggregator: env.AGGREGATOR !== '0' && env.AGGREGATOR !== 'false',
    aggregatorIntervalMs: int(env.AGGREGATOR_INTERVAL_MS, 5000),
    monitorOnlineMinutes: int(env.MONITOR_ONLINE_MINUTES, 30),
  };
}

/** Time is a parameter: tests inject a clock, production reads the system's. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
