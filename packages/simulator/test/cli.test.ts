import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliOptions, parseTime } from '../src/cli-options.js';
import { parseUnits, unitsFromApi } from '../src/unit-source.js';
import { FakeGateway } from './fake-gateway.js';
import { AIR_UNIT, DAY0, WATER_UNIT } from './units.js';

describe('CLI options', () => {
  it('have defaults, with the port from HJ212_PORT', () => {
    const o = parseCliOptions(['--units', 'u.json'], { HJ212_PORT: '9300' });
    expect(o).toMatchObject({
      host: '127.0.0.1',
      port: 9300,
      seed: 1,
      speed: 1,
      scenario: 'normal',
      realtime: false,
    });
    expect(parseCliOptions(['--units', 'u.json']).port).toBe(9212);
  });

  it('read a backfill period in Shanghai time and default to full speed', () => {
    const o = parseCliOptions(['--api', 'http://x:3000/', '--from', '2025-06-02', '--to', '20250602120000']);
    expect(o.from?.getTime()).toBe(DAY0);
    expect(o.to?.getTime()).toBe(DAY0 + 12 * 3600_000);
    expect(o.speed).toBe(Number.POSITIVE_INFINITY);
    expect(o.api).toBe('http://x:3000');
    expect(parseTime('2025-06-02T08:00:00').getTime()).toBe(DAY0 + 8 * 3600_000);
    expect(parseTime('2025-06-02T00:00:00Z').getTime()).toBe(DAY0 + 8 * 3600_000);
  });

  it('reject bad input', () => {
    expect(() => parseCliOptions([])).toThrow(/--units/);
    expect(() => parseCliOptions(['--units', 'a', '--api', 'b'])).toThrow(/either/);
    expect(() => parseCliOptions(['--units', 'a', '--scenario', 'nope'])).toThrow(/unknown scenario/);
    expect(() => parseCliOptions(['--units', 'a', '--speed', 'max'])).toThrow(/--to/);
    expect(() => parseCliOptions(['--units', 'a', '--speed', '0'])).toThrow(/positive/);
  });
});

describe('unit sources', () => {
  it('validate units from JSON', () => {
    expect(parseUnits([AIR_UNIT])).toEqual([AIR_UNIT]);
    expect(parseUnits({ items: [{ ...WATER_UNIT, pollutants: ['w01018'] }] })[0]?.pollutants).toEqual([
      'w01018',
    ]);
    expect(() => parseUnits([{ mn: 'x', pw: '1', st: '33', profile: 'air' }])).toThrow(/unit 0/);
  });

  it('fetch units from the platform with a bearer token', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/v1/auth/token') res.end(JSON.stringify({ token: 't0k', expiresAt: '' }));
      else if (req.headers.authorization === 'Bearer t0k') res.end(JSON.stringify({ items: [AIR_UNIT] }));
      else res.writeHead(401).end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await unitsFromApi(`http://127.0.0.1:${port}`, 'admin', 'dabiao-demo')).toEqual([AIR_UNIT]);
      expect(seen).toEqual(['POST /api/v1/auth/token ', 'GET /api/v1/monitoring/simulator-units Bearer t0k']);
    } finally {
      server.close();
    }
  });
});

describe('npm run simulate', () => {
  it('backfills a period from a units file and reports the totals', async () => {
    const gw = await FakeGateway.start();
    const dir = await mkdtemp(join(tmpdir(), 'sim-'));
    try {
      const file = join(dir, 'units.json');
      await writeFile(file, JSON.stringify([AIR_UNIT, WATER_UNIT]));
      const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
      const args = ['--import', 'tsx', cli, '--units', file, '--port', String(gw.port)];
      args.push('--from', '2025-06-02T00:00', '--to', '2025-06-02T02:00', '--scenario', 'calibration');
      const out = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, args, { timeout: 60_000 }, (err, stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
        ),
      );
      expect(out).toContain('simulating 2 unit(s)');
      expect(out).toMatch(/done .*sent 28 .*answered 28 .*failures 0/);
      expect(gw.uploads()).toHaveLength(28);
    } finally {
      await gw.close();
      await rm(dir, { recursive: true });
    }
  });
});
