import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { notFound, outOfScope } from '../../platform/errors/app-error';
import { IdParams } from '../../platform/http/schema-helpers';
import { canWriteRegistry } from '../../registry/registry.policy';
import type { RouteDeps } from '../../routes';
import { findMonitorInScope, isMonitorInScope, seesUnattributedFrames } from '../monitoring.policy';
import { strictQuery } from '../query/strict-query';
import { timeRange } from '../query/time-range';
import { shanghaiIso } from '../shanghai-iso';
import { frameLine, frameText, maskPassword } from './frame-text';
import { findRawFrame, framesOfMonitor } from './records.repository';
import { ArchiveQuery, RawFrameView } from './records.schemas';

const bytesOf = (b: Uint8Array) =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const stamp = (d: Date) => shanghaiIso(d).slice(0, 16).replace(/[-:T]/g, '');

export function rawFrameRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const db = database.db;
  const tags = ['monitoring'];

  r.get(
    '/monitoring/raw-frames/:id',
    {
      ...strictQuery,
      schema: { tags, summary: '一条原始报文（证据）', params: IdParams, response: { 200: RawFrameView } },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const f = await findRawFrame(db, request.params.id);
      if (!f) throw notFound('原始报文');
      const visible =
        f.monitor_id === null ? seesUnattributedFrames(p) : await isMonitorInScope(db, p, f.monitor_id);
      if (!visible) throw outOfScope();
      // Unit passwords are for those who may change the registry, as on the monitor's own page.
      const { bytes, masked } = canWriteRegistry(p)
        ? { bytes: bytesOf(f.bytes), masked: false }
        : maskPassword(bytesOf(f.bytes));
      return {
        id: Number(f.id),
        receivedAt: shanghaiIso(new Date(f.received_at)),
        peer: f.peer,
        mn: f.mn,
        cn: f.cn,
        qn: f.qn,
        verdict: f.verdict,
        errorCode: f.error_code,
        detail: f.detail,
        tolerances: f.tolerances ?? [],
        size: bytes.byteLength,
        text: frameText(bytes),
        base64: bytes.toString('base64'),
        passwordMasked: masked,
        monitor:
          f.monitor_id === null
            ? null
            : {
                monitorId: f.monitor_id,
                mn: f.monitor_mn!,
                outletId: f.outlet_id!,
                outletName: f.outlet_name!,
                enterpriseId: f.enterprise_id!,
                enterpriseName: f.enterprise_name!,
              },
      };
    },
  );

  r.get(
    '/monitoring/monitors/:id/raw-frames',
    {
      ...strictQuery,
      schema: {
        tags,
        summary: '监控点某时段的原始报文存档（下载，txt 每行一条或 json）',
        params: IdParams,
        querystring: ArchiveQuery,
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const monitor = await findMonitorInScope(db, principal, request.params.id);
      const shown = (b: Uint8Array) =>
        canWriteRegistry(principal) ? bytesOf(b) : maskPassword(bytesOf(b)).bytes;
      const { from, to } = timeRange(request.query, clock.now(), 1);
      const json = request.query.format === 'json';
      const name = `原始报文-${monitor.mn}-${stamp(from)}-${stamp(to)}.${json ? 'json' : 'txt'}`;
      const frames = framesOfMonitor(db, monitor.id, from, to);
      async function* txt() {
        yield '# dabiao 达标 原始报文存档\n';
        yield `# MN ${monitor.mn}（监控点 ${monitor.id}），接收时间 ${shanghaiIso(from)} 起，${shanghaiIso(to)} 前\n`;
        yield '# 每行一条：接收时间\t对端地址\t处理结果\t报文原文（去掉结尾 CRLF）\n';
        for await (const f of frames)
          yield `${shanghaiIso(new Date(f.received_at))}\t${f.peer}\t${f.verdict}\t${frameLine(shown(f.bytes))}\n`;
      }
      async function* jsonText() {
        const head = { monitorId: monitor.id, mn: monitor.mn, from: shanghaiIso(from), to: shanghaiIso(to) };
        yield `${JSON.stringify(head).slice(0, -1)},"frames":[`;
        let first = true;
        for await (const f of frames) {
          const item = {
            id: Number(f.id),
            receivedAt: shanghaiIso(new Date(f.received_at)),
            peer: f.peer,
            cn: f.cn,
            qn: f.qn,
            verdict: f.verdict,
            errorCode: f.error_code,
            text: frameText(shown(f.bytes)),
          };
          yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
          first = false;
        }
        yield '\n]}\n';
      }
      reply
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .type(json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8');
      return reply.send(Readable.from(json ? jsonText() : txt()));
    },
  );
}
