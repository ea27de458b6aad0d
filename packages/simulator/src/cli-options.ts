// Command-line options of `npm run simulate`, parsed without I/O so they can be tested.
import { parseArgs } from 'node:util';
import { isScenario, SCENARIO_NAMES, type ScenarioName } from './scenarios.js';
import { parseLocalTime } from './time.js';

export interface CliOptions {
  host: string;
  port: number;
  /** A JSON file holding an array of SimUnit… */
  unitsFile?: string;
  /** …or the platform API to fetch them from (demo mode). */
  api?: string;
  user: string;
  password: string;
  seed: number;
  speed: number;
  scenario: ScenarioName;
  from?: Date;
  to?: Date;
  count?: number;
  realtime: boolean;
  /** `demo`: the demo city's mix of scenarios by unit (see scenario-mix.ts) instead of one scenario. */
  mix?: 'demo';
  /** Backfill this many hours before now as fast as answered, then go on live. */
  backfillHours?: number;
  help: boolean;
}

export const USAGE = `npm run simulate -- [options]

  --units <file.json>       array of units {mn, pw, st: "31"|"32", profile, pollutants?}
  --api <url>               or fetch units from the platform (demo mode), e.g. http://localhost:3000
  --user <name>             API user (default admin)
  --password <pw>           API password (default dabiao-demo)
  --host <host>             gateway host (default 127.0.0.1)
  --port <port>             gateway port (default $HJ212_PORT or 9212)
  --seed <n>                random seed (default 1)
  --speed <x>               time acceleration: 1 real time, 60 an hour a minute, max = backfill
  --scenario <name>         ${SCENARIO_NAMES.join(' | ')} (default normal)
  --from <time>             simulated start (ISO 8601 or YYYYMMDDhhmmss, Asia/Shanghai)
  --to <time>               simulated end; with --from and no --speed: backfill as fast as answered
  --count <n>               only the first n units
  --realtime                also send real-time data (CN 2011)
  --mix demo                the demo city's mix of scenarios (a few units each in exceedance, constant,
                            zeros, calibration, clipped, gaps, drift, disconnect; the rest normal)
  --backfill-hours <n>      first backfill the last n hours as fast as answered, then run live
  --help
`;

/** A time as ISO 8601 (a time without offset is read as Asia/Shanghai) or YYYYMMDDhhmmss. */
export function parseTime(text: string): Date {
  const local = parseLocalTime(text);
  if (local !== undefined) return new Date(local);
  const iso = /(Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes('T') ? text : `${text}+08:00`;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00+08:00` : iso);
  if (Number.isNaN(t)) throw new Error(`not a time: ${text}`);
  return new Date(t);
}

function number(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (/^(max|inf|infinity)$/i.test(text)) return Number.POSITIVE_INFINITY;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number: ${text}`);
  return n;
}

export function parseCliOptions(argv: string[], env: Record<string, string | undefined> = {}): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      units: { type: 'string' },
      api: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      scenario: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      count: { type: 'string' },
      realtime: { type: 'boolean' },
      mix: { type: 'string' },
      'backfill-hours': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const scenario = values.scenario ?? 'normal';
  if (!isScenario(scenario))
    throw new Error(`unknown scenario ${scenario}; one of ${SCENARIO_NAMES.join(', ')}`);
  const from = values.from === undefined ? undefined : parseTime(values.from);
  const to = values.to === undefined ? undefined : parseTime(values.to);
  const speed = number('speed', values.speed, to ? Number.POSITIVE_INFINITY : 1);
  if (speed === Number.POSITIVE_INFINITY && !to)
    throw new Error('--speed max needs --to (a backfill period)');
  const opts: CliOptions = {
    host: values.host ?? '127.0.0.1',
    port: number('port', values.port ?? env.HJ212_PORT, 9212),
    user: values.user ?? 'admin',
    password: values.password ?? 'dabiao-demo',
    seed: values.seed === undefined ? 1 : Math.trunc(Number(values.seed)),
    speed,
    scenario,
    realtime: values.realtime === true,
    help: values.help === true,
  };
  if (Number.isNaN(opts.seed)) throw new Error(`--seed must be an integer: ${values.seed}`);
  if (values.units !== undefined) opts.unitsFile = values.units;
  if (values.api !== undefined) opts.api = values.api.replace(/\/+$/, '');
  if (from) opts.from = from;
  if (to) opts.to = to;
  if (values.count !== undefined) opts.count = Math.trunc(number('count', values.count, 0));
  if (values.mix !== undefined) {
    if (values.mix !== 'demo') throw new Error(`unknown --mix ${values.mix}; only demo`);
    opts.mix = 'demo';
  }
  if (values['backfill-hours'] !== undefined) {
    if (to || from) throw new Error('--backfill-hours runs up to now: give no --from/--to');
    opts.backfillHours = number('backfill-hours', values['backfill-hours'], 0);
  }
  if (!opts.help && !opts.unitsFile === !opts.api)
    throw new Error('give either --units <file.json> or --api <url>');
  return opts;
}
