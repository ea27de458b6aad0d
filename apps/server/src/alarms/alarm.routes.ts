import type { ActionInput } from '@dabiao/domain';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { IdParams } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { alarmStats, listAlarms } from './alarm.repository';
import {
  AlarmListQuery,
  AlarmStatsQuery,
  CloseBody,
  ConcludeBody,
  ExplainBody,
  SignBody,
  VerifyDeviceBody,
} from './alarm.schemas';
import { alarmDetail, presentAlarm } from './alarm-detail';
import { actOnSheet } from './sheets/sheet.service';

const DAY_MS = 86_400_000;

/** /alarms: the alarm centre, sheet details with their evidence, and the sheet workflow (A1-A3). */
export function alarmRoutes(api: FastifyInstance, { database, clock, inbox }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['alarms'];

  r.get(
    '/alarms',
    { schema: { tags, summary: '报警列表（超标与异常，含报警单状态）', querystring: AlarmListQuery } },
    async (request) => {
      const now = clock.now();
      const q = request.query;
      const { rows, total } = await listAlarms(db, requirePrincipal(request), q, now);
      return { items: rows.map((row) => presentAlarm(row, now)), total, page: q.page, pageSize: q.pageSize };
    },
  );

  r.get(
    '/alarms/stats',
    {
      schema: { tags, summary: '报警统计：按状态、按区县，及 24 小时响应情况', querystring: AlarmStatsQuery },
    },
    async (request) => {
      const now = clock.now();
      const to = request.query.to ? new Date(request.query.to) : now;
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * DAY_MS);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        ...(await alarmStats(db, requirePrincipal(request), from, to, now)),
      };
    },
  );

  r.get(
    '/alarms/:id',
    {
      schema: { tags, summary: '报警详情：判定依据、证据数据、报警单流转记录与可办理操作', params: IdParams },
    },
    async (request) => alarmDetail(db, requirePrincipal(request), request.params.id, clock.now()),
  );

  const step = <B extends { version: number }>(
    action: ActionInput['action'],
    summary: string,
    body: unknown,
    toInput: (b: B) => ActionInput,
  ) =>
    r.post(
      `/alarms/:id/sheet/${action.replace('_', '-')}`,
      { schema: { tags, summary, params: IdParams, body: body as never } },
      async (request) => {
        const p = requirePrincipal(request);
        const b = request.body as B;
        const now = clock.now();
        const events = await actOnSheet(db, p, request.params.id, toInput(b), b.version, now, request.ip);
        inbox.publish(events);
        return alarmDetail(db, p, request.params.id, now);
      },
    );

  step<{ version: number; note?: string; deviceSuspected?: boolean }>(
    'sign',
    '签收报警单（区县局）',
    SignBody,
    (b) => ({
      action: 'sign',
      ...(b.note !== undefined ? { note: b.note } : {}),
      ...(b.deviceSuspected !== undefined ? { deviceSuspected: b.deviceSuspected } : {}),
    }),
  );
  step<{ version: number; explanation: string; selfCorrection: string; deviceSuspected: boolean }>(
    'explain',
    '企业自查自纠自报',
    ExplainBody,
    (b) => ({
      action: 'explain',
      explanation: b.explanation,
      selfCorrection: b.selfCorrection,
      deviceSuspected: b.deviceSuspected,
    }),
  );
  step<{ version: number; finding: string; deviceFaulty: boolean }>(
    'verify_device',
    '运维单位核查设备',
    VerifyDeviceBody,
    (b) => ({ action: 'verify_device', finding: b.finding, deviceFaulty: b.deviceFaulty }),
  );
  step<{
    version: number;
    conclusion: 'confirmed_exceedance' | 'device_fault' | 'false_alarm';
    note: string;
  }>('conclude', '区县局核实结论', ConcludeBody, (b) => ({
    action: 'conclude',
    conclusion: b.conclusion,
    note: b.note,
  }));
  step<{ version: number; note?: string }>('close', '办结报警单', CloseBody, (b) => ({
    action: 'close',
    ...(b.note !== undefined ? { note: b.note } : {}),
  }));
}
