// Where the CLI gets its units: a JSON file, or the platform's demo endpoint.
import { readFile } from 'node:fs/promises';
import type { SimUnit } from './types.js';

/** Checks an untrusted value is a list of SimUnit; throws naming the first bad entry. */
export function parseUnits(value: unknown): SimUnit[] {
  const list = Array.isArray(value) ? value : (value as { items?: unknown } | null)?.items;
  if (!Array.isArray(list)) throw new Error('expected an array of units or { items: [...] }');
  return list.map((u: unknown, i) => {
    const o = u as Partial<Record<keyof SimUnit, unknown>> | null;
    const ok =
      o !== null &&
      typeof o === 'object' &&
      typeof o.mn === 'string' &&
      o.mn !== '' &&
      typeof o.pw === 'string' &&
      (o.st === '31' || o.st === '32') &&
      typeof o.profile === 'string' &&
      (o.pollutants === undefined ||
        o.pollutants === null ||
        (Array.isArray(o.pollutants) && o.pollutants.every((p) => typeof p === 'string')));
    if (!ok)
      throw new Error(`unit ${i} is not {mn, pw, st: "31"|"32", profile, pollutants?}: ${JSON.stringify(u)}`);
    const unit: SimUnit = {
      mn: o.mn as string,
      pw: o.pw as string,
      st: o.st as '31' | '32',
      profile: o.profile as string,
    };
    if (Array.isArray(o.pollutants)) unit.pollutants = o.pollutants as string[];
    return unit;
  });
}

export async function unitsFromFile(path: string): Promise<SimUnit[]> {
  return parseUnits(JSON.parse(await readFile(path, 'utf8')));
}

/** POST {api}/api/v1/auth/token, then GET {api}/api/v1/monitoring/simulator-units with the bearer token. */
export async function unitsFromApi(api: string, username: string, password: string): Promise<SimUnit[]> {
  const auth = await fetch(`${api}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!auth.ok) throw new Error(`login as ${username} failed: HTTP ${auth.status} ${await auth.text()}`);
  const { token } = (await auth.json()) as { token?: string };
  if (!token) throw new Error('the token endpoint returned no token');
  const res = await fetch(`${api}/api/v1/monitoring/simulator-units`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET simulator-units failed: HTTP ${res.status} ${await res.text()}`);
  return parseUnits(await res.json());
}
