import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STANDARD_EXAMPLE } from './reference.js';

// Spawns the real bin, as an operator would run it (`npm exec -- hj212 decode`).
const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(pkgDir, 'bin', 'hj212.mjs');
const run = (args: string[], input: string | Buffer) =>
  spawnSync(process.execPath, [bin, ...args], { input, cwd: path.resolve(pkgDir, '../..'), timeout: 30_000 });

describe('hj212 CLI', () => {
  it('decode prints one JSON line per input line', () => {
    const minute =
      'QN=20250821125000123;ST=31;CN=2051;PW=123456;MN=88888880000001;Flag=5;CP=&&DataTime=20250821125000;a21026-Avg=12.5,a21026-ZsAvg=14.1,a21026-Flag=N&&';
    const r0 = run(
      ['encode'],
      `${JSON.stringify({ qn: '20250821125000123', st: '31', cn: '2051', pw: '123456', mn: '88888880000001', flag: 5, dataTime: '2025-08-21T12:50:00+08:00', pollutants: { a21026: { Avg: 12.5, ZsAvg: 14.1, Flag: 'N' } } })}\n`,
    );
    expect(r0.status).toBe(0);
    const packet = r0.stdout.toString();
    expect(packet).toContain(minute);
    const input = `${STANDARD_EXAMPLE}${packet}not a packet\n${STANDARD_EXAMPLE.replace('1C80', '1C81')}`;
    const r = run(['decode'], input);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ ok: true, cn: '1062', st: '32', flag: 5, params: { RtdInterval: 30 } });
    expect(lines[1]).toEqual({
      ok: true,
      qn: '20250821125000123',
      st: '31',
      cn: '2051',
      pw: '123456',
      mn: '88888880000001',
      flag: 5,
      dataTime: '2025-08-21T12:50:00+08:00',
      pollutants: { a21026: { Avg: 12.5, ZsAvg: 14.1, Flag: 'N' } },
      params: {},
    });
    expect(lines[2]).toMatchObject({ ok: false, error: 'BAD_HEADER' });
    expect(lines[3]).toMatchObject({
      ok: false,
      error: 'CRC_MISMATCH',
      message: expect.stringContaining('1C80'),
    });
  });

  it('decode --strict rejects a packet without CRLF that tolerant mode accepts', () => {
    const bare = `${STANDARD_EXAMPLE.slice(0, -2)}\n`;
    const loose = JSON.parse(run(['decode'], bare).stdout.toString());
    expect(loose).toMatchObject({ ok: true, tolerances: [{ name: 'MISSING_CRLF' }] });
    const strict = JSON.parse(run(['decode', '--strict'], bare).stdout.toString());
    expect(strict).toMatchObject({ ok: false, error: 'BAD_TRAILER' });
  });

  it('encode reports bad input per line and exits 1', () => {
    const r = run(['encode'], '{"st":"3"}\n');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout.toString())).toMatchObject({ ok: false, error: 'BAD_INPUT' });
  });

  it('encode refuses an unknown key rather than dropping what it holds', () => {
    const r = run(
      ['encode'],
      '{"st":"32","cn":"1062","pw":"1","mn":"X","cp":{"params":{"RtdInterval":30}}}\n',
    );
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout.toString());
    expect(out).toMatchObject({ ok: false, error: 'BAD_INPUT' });
    expect(out.message).toContain('"cp"');
  });

  it('prints usage for an unknown command', () => {
    const r = run(['frobnicate'], '');
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toContain('usage: hj212');
  });
});
