import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/platform/bootstrap/bootstrap';
import { loadConfig } from '../../src/platform/config';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND, openTestDatabase } from '../support/test-database';

describe(`accounts and sessions (${DB_KIND})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ config: { loginRateLimitPerMinute: 8 } });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('logs in with a cookie and demands the CSRF token on changes', async () => {
    const res = await login('heshan', 'dabiao-demo');
    expect(res.statusCode).toBe(200);
    const { csrfToken, user } = res.json();
    expect(user).toMatchObject({ username: 'heshan', role: 'district', regionCode: '430903' });
    const cookie = res.cookies.find((c) => c.name === 'dabiao_session')!;
    expect(cookie.httpOnly).toBe(true);
    const headers = { cookie: `dabiao_session=${cookie.value}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json().user.username).toBe('heshan');

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/enterprises?pageSize=1', headers });
    const target = list.json().items[0];
    const patch = { envContact: '张三', version: target.version };
    const noCsrf = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/enterprises/${target.id}`,
      headers,
      payload: patch,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.headers['content-type']).toContain('application/problem+json');
    expect(noCsrf.json().code).toBe('CSRF');
    const withCsrf = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/enterprises/${target.id}`,
      headers: { ...headers, 'x-csrf-token': csrfToken },
      payload: patch,
    });
    expect(withCsrf.statusCode).toBe(200);
    expect(withCsrf.json().envContact).toBe('张三');

    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...headers, 'x-csrf-token': csrfToken },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const wrong = await login('admin', 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('issues bearer tokens that expire', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username: 'city', password: 'dabiao-demo' },
    });
    expect(res.statusCode).toBe(200);
    const { token, expiresAt } = res.json();
    expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBe(24 * 3600_000);
    const auth = { authorization: `Bearer ${token}` };
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: auth })).statusCode,
    ).toBe(200);
    t.clock.advance(24 * 3600_000 + 1000);
    const expired = await t.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: auth });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 without credentials', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/enterprises' });
    expect(res.statusCode).toBe(401);
  });

  it('rate-limits login attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('admin', `guess-${i}`)).statusCode);
    expect(statuses).toContain(429);
    const limited = await login('admin', 'dabiao-demo');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
  });

  it('stores passwords only as scrypt hashes', async () => {
    const rows = await t.database.db.selectFrom('app_user').select('password_hash').limit(5).execute();
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
  });
});

describe(`start-up guards (${DB_KIND})`, () => {
  it('refuses a production start without an administrator password, and starts with one', async () => {
    const database = await openTestDatabase();
    try {
      const config = { ...loadConfig({}), demo: false, adminPassword: undefined };
      await expect(bootstrap(database.db, config, async () => {})).rejects.toThrow(/ADMIN_PASSWORD/);
      await bootstrap(database.db, { ...config, adminPassword: 'a-strong-password' }, async () => {});
      const users = await database.db.selectFrom('app_user').select(['username', 'role']).execute();
      expect(users).toEqual([{ username: 'admin', role: 'admin' }]);
      // Demo accounts exist only in demo mode: a production database never becomes a demo one.
      await expect(bootstrap(database.db, { ...config, demo: true }, async () => {})).rejects.toThrow(/演示/);
    } finally {
      await database.close();
    }
  });
});
