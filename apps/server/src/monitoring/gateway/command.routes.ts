import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit.repository';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { Db } from '../../platform/db/database';
import { AppError, invalid, notFound } from '../../platform/errors/app-error';
import { IdParams } from '../../platform/http/schema-helpers';
import { actorOf, getEnterpriseForRead, getEnterpriseForWrite } from '../../registry/enterprise.service';
import type { RouteDeps } from '../../routes';
import { shanghaiIso } from '../shanghai-iso';
import type { CommandRequest } from './commands';
import { UnitNotConnected } from './commands';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const CommandBody = Type.Object(
  {
    kind: literals([
      'setTime',
      'getTime',
      'getRtdInterval',
      'setRtdInterval',
      'getMinInterval',
      'setMinInterval',
      'startRealtime',
      'stopRealtime',
      'resend',
    ] as const),
    seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    cn: Type.Optional(literals(['2011', '2051', '2061', '2031'] as const)),
    begin: Type.Optional(Type.String({ format: 'date-time' })),
    end: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

const CommandView = Type.Object({
  id: Type.Integer(),
  monitorId: Type.Integer(),
  qn: Type.String(),
  cn: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  status: Type.String(),
  qnRtn: Type.Union([Type.Null(), Type.Integer()]),
  exeRtn: Type.Union([Type.Null(), Type.Integer()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

type CommandRow = {
  id: number;
  monitor_id: number;
  qn: string;
  cn: string;
  params: Record<string, string | number>;
  status: string;
  qn_rtn: number | null;
  exe_rtn: number | null;
  created_at: Date;
  updated_at: Date;
};

const present = (r: CommandRow) => ({
  id: r.id,
  monitorId: r.monitor_id,
  qn: r.qn,
  cn: r.cn,
  params: r.params,
  status: r.status,
  qnRtn: r.qn_rtn,
  exeRtn: r.exe_rtn,
  createdAt: shanghaiIso(r.created_at),
  updatedAt: shanghaiIso(r.updated_at),
});

async function enterpriseOfMonitor(db: Db, monitorId: number): Promise<number> {
  const row = await db
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .select('outlet.enterprise_id')
    .where('monitor.id', '=', monitorId)
    .executeTakeFirst();
  if (!row) throw notFound('监控设备');
  return row.enterprise_id;
}

/** Turns the body into a command, with field errors for what is missing or inconsistent. */
function toRequest(body: Static<typeof CommandBody>): CommandRequest {
  switch (body.kind) {
    case 'setRtdInterval':
      if (body.seconds === undefined)
        throw invalid([{ path: '/seconds', message: '请填写实时数据间隔（秒）' }]);
      return { kind: 'setRtdInterval', seconds: body.seconds };
    case 'setMinInterval':
      if (body.minutes === undefined)
        throw invalid([{ path: '/minutes', message: '请填写分钟数据间隔（分钟）' }]);
      return { kind: 'setMinInterval', minutes: body.minutes };
    case 'resend': {
      const errors = [];
      if (!body.cn) errors.push({ path: '/cn', message: '请选择补传的数据类型' });
      if (!body.begin) errors.push({ path: '/begin', message: '请填写开始时间' });
      if (!body.end) errors.push({ path: '/end', message: '请填写结束时间' });
      if (errors.length) throw invalid(errors);
      const begin = new Date(body.begin!);
      const end = new Date(body.end!);
      if (!(begin < end)) throw invalid([{ path: '/end', message: '结束时间须晚于开始时间' }]);
      if (end.getTime() - begin.getTime() > 31 * 86_400_000)
        throw invalid([{ path: '/end', message: '一次补传不超过31天' }]);
      return { kind: 'resend', cn: body.cn!, begin, end };
    }
    default:
      return { kind: body.kind } as CommandRequest;
  }
}

/** Platform → unit commands (time calibration, intervals, re-send requests) and their status. */
export function commandRoutes(api: FastifyInstance, { database, gateway }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const db = database.db;
  const tags = ['monitoring'];

  r.post(
    '/monitoring/monitors/:id/commands',
    {
      schema: {
        tags,
        summary: '向数采仪下发指令（校时、设置间隔、补传）',
        params: IdParams,
        body: CommandBody,
        response: { 201: CommandView },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const enterpriseId = await enterpriseOfMonitor(db, request.params.id);
      await getEnterpriseForWrite(db, p, enterpriseId);
      const command = toRequest(request.body);
      if (!gateway) throw new AppError('CONFLICT', '数据网关未运行，无法下发指令');
      try {
        const row = await gateway.commands.send(request.params.id, command, p.id);
        await recordAudit(db, actorOf(p, request.ip), {
          action: 'command',
          entity: 'monitor',
          entityId: request.params.id,
          enterpriseId,
          after: { cn: row.cn, qn: row.qn, params: row.params },
        });
        return reply.code(201).send(present(row as CommandRow));
      } catch (error) {
        if (error instanceof UnitNotConnected)
          throw new AppError('CONFLICT', '该数采仪当前未连接，指令无法下发');
        throw error;
      }
    },
  );

  r.get(
    '/monitoring/monitors/:id/commands',
    {
      schema: {
        tags,
        summary: '指令记录',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(CommandView), connected: Type.Boolean() }) },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await getEnterpriseForRead(db, p, await enterpriseOfMonitor(db, request.params.id));
      const rows = await db
        .selectFrom('monitor_command')
        .selectAll()
        .where('monitor_id', '=', request.params.id)
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows.map((row) => present(row as CommandRow)),
        connected: gateway?.isConnected(request.params.id) ?? false,
      };
    },
  );
}
