import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { alarmFixtures, at, processAlarms, sendHour } from './alarm-fixtures';

/** Reads server-sent events from a real HTTP stream until `count` events of `name` arrived. */
async function collect(
  url: string,
  token: string,
  name: string,
  count: number,
  trigger: () => Promise<void>,
) {
  const ctrl = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: ctrl.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: unknown[] = [];
  let triggered = false;
  const deadline = Date.now() + 15_000;
  while (events.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let i = buffer.indexOf('\n\n');
    while (i >= 0) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const ev = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (ev === name && data) events.push(JSON.parse(data));
      if (ev === 'ready' && !triggered) {
        triggered = true;
        void trigger();
      }
      i = buffer.indexOf('\n\n');
    }
  }
  ctrl.abort();
  return events;
}

describe(`inbox: live push of sheet notifications (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof alarmFixtures>>;
  let base: string;

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await alarmFixtures(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => t.close());

  it('pushes a new sheet to the district and a step to the enterprise, and counts them unread', async () => {
    const districtToken = await t.token(fx.ownDistrict);
    const dispatched = await collect(`${base}/inbox/stream`, districtToken, 'notification', 1, async () => {
      await sendHour(t, fx.station, at(10), 900);
      const pass = await processAlarms(t);
      t.inbox.publish(pass.effects.events);
    });
    expect(dispatched).toHaveLength(1);
    const alarmId = (await (await t.as(fx.ownDistrict))('GET', '/alarms')).json().items[0].id;
    expect(dispatched[0]).toMatchObject({ kind: 'sheet_dispatched', alarmId });

    const entToken = await t.token('ent-1');
    const signed = await collect(`${base}/inbox/stream`, entToken, 'notification', 1, async () => {
      const r = await (await t.as(fx.ownDistrict))('POST', `/alarms/${alarmId}/sheet/sign`, { version: 1 });
      expect(r.statusCode).toBe(200);
    });
    expect(signed[0]).toMatchObject({ kind: 'sheet_sign', alarmId });

    const ent = await t.as('ent-1');
    const inbox = (await ent('GET', '/inbox')).json();
    expect(inbox.unread).toBe(2);
    expect((await ent('POST', `/inbox/${inbox.items[0].id}/read`)).statusCode).toBe(204);
    expect((await ent('GET', '/inbox?unread=true')).json().total).toBe(1);
    const other = await t.as(fx.ownDistrict);
    expect((await other('POST', `/inbox/${inbox.items[1].id}/read`)).statusCode).toBe(404);
    expect((await ent('POST', '/inbox/read-all')).json()).toEqual({ marked: 1 });
  });
});
