import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit.repository';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { AppError, forbidden } from '../../platform/errors/app-error';
import type { RouteDeps } from '../../routes';
import { toColumns } from '../enterprise.fields';
import { presentEnterprise } from '../enterprise.presenter';
import { allEnterprises, findEnterprise, insertEnterprise } from '../enterprise.repository';
import { EnterpriseListQuery } from '../enterprise.schemas';
import { actorOf } from '../enterprise.service';
import { loadRegionIndex } from '../region.repository';
import { canWriteRegistry } from '../registry.policy';
import { parseEnterpriseSheet } from './parse-sheet';
import { validateRows } from './validate-rows';
import { writeEnterpriseSheet } from './write-sheet';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_LIMIT = 50_000;
const CellErrorView = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  header: Type.String(),
  field: Type.String(),
  message: Type.String(),
});
const PreviewView = Type.Object({
  rows: Type.Integer(),
  valid: Type.Boolean(),
  errors: Type.Array(CellErrorView),
});

async function uploaded(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart())
    throw new AppError('BAD_REQUEST', '请以 multipart/form-data 上传 Excel 文件（字段名 file）');
  const file = await request.file();
  if (!file) throw new AppError('BAD_REQUEST', '没有收到文件');
  const buffer = await file.toBuffer();
  if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 10 MB');
  return buffer;
}

export function importExportRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const db = database.db;
  const tags = ['registry'];
  const download = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

  async function check(request: FastifyRequest) {
    const p = requirePrincipal(request);
    if (!canWriteRegistry(p)) throw forbidden('您的角色不能导入企业');
    const sheet = await parseEnterpriseSheet(await uploaded(request));
    const codes = sheet.rows.map((row) => (row.cells.creditCode ?? '').toUpperCase()).filter(Boolean);
    const existing = codes.length
      ? await db.selectFrom('enterprise').select('credit_code').where('credit_code', 'in', codes).execute()
      : [];
    const result = validateRows(sheet, {
      principal: p,
      regions: await loadRegionIndex(db),
      existingCreditCodes: new Set(existing.map((e) => e.credit_code)),
    });
    return { p, rows: sheet.rows.length, ...result };
  }

  r.get(
    '/enterprises/import/template.xlsx',
    { schema: { tags, summary: '企业导入模板' } },
    async (request, reply) => {
      requirePrincipal(request);
      reply.header('content-disposition', download('企业导入模板.xlsx')).type(XLSX);
      return writeEnterpriseSheet([], '企业导入模板');
    },
  );

  r.post(
    '/enterprises/import/preview',
    {
      schema: {
        tags,
        summary: '导入预览：列出每个有误的单元格',
        consumes: ['multipart/form-data'],
        response: { 200: PreviewView },
      },
    },
    async (request) => {
      const { rows, errors } = await check(request);
      return { rows, valid: errors.length === 0 && rows > 0, errors };
    },
  );

  r.post(
    '/enterprises/import/commit',
    { schema: { tags, summary: '导入提交：全部成功或全部不导入', consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const { p, rows, drafts, errors } = await check(request);
      if (errors.length || rows === 0) {
        return reply
          .status(422)
          .type('application/problem+json')
          .send({
            type: 'https://dabiao.dev/problems/validation',
            title: 'Unprocessable Content',
            status: 422,
            code: 'VALIDATION',
            detail: rows === 0 ? '文件中没有数据行' : `有 ${errors.length} 处错误，未导入任何企业`,
            errors: errors.map((e) => ({
              path: `/rows/${e.row}/${e.field}`,
              message: `第 ${e.row} 行 ${e.column}列「${e.header}」：${e.message}`,
              code: 'CELL',
            })),
            cells: errors,
          });
      }
      const now = clock.now();
      const imported = await db.transaction().execute(async (trx) => {
        for (const d of drafts) {
          const id = await insertEnterprise(trx, {
            ...toColumns(d),
            credit_code: d.creditCode,
            name: d.name,
            region_code: d.regionCode,
            created_at: now,
            updated_at: now,
          } as Parameters<typeof insertEnterprise>[1]);
          const after = presentEnterprise((await findEnterprise(trx, id))!);
          await recordAudit(
            trx,
            actorOf(p, request.ip),
            { action: 'import', entity: 'enterprise', entityId: id, enterpriseId: id, after },
            now,
          );
        }
        return drafts.length;
      });
      return { imported };
    },
  );

  r.get(
    '/enterprises/export.xlsx',
    { schema: { tags, summary: '导出企业名录（按当前筛选条件）', querystring: EnterpriseListQuery } },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const { page: _page, pageSize: _size, sort: _sort, ...filter } = request.query;
      const rows = (await allEnterprises(db, p, filter, EXPORT_LIMIT)).map(presentEnterprise);
      reply.header('content-disposition', download(`企业名录-${now8(clock.now())}.xlsx`)).type(XLSX);
      return writeEnterpriseSheet(rows, '企业名录');
    },
  );
}

const now8 = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
