import { industryName, PROGRAMME_INDUSTRIES, validateCreditCode } from '@dabiao/domain';
import type { Principal } from '../../platform/auth/principal';
import { deriveProgramme } from '../enterprise.rules';
import type { EnterpriseCreate } from '../enterprise.schemas';
import type { RegionIndex } from '../region.repository';
import { canWriteInRegion } from '../registry.policy';
import type { ColumnKey } from './enterprise-columns';
import { CONTROL_LEVEL_ZH, KEY_KIND_ZH, STATUS_ZH } from './enterprise-columns';
import { type CellError, type ParsedSheet, positionOf } from './parse-sheet';

const reverse = (m: Record<string, string>) =>
  new Map(
    Object.entries(m)
      .filter(([, zh]) => zh)
      .map(([k, zh]) => [zh, k]),
  );
const CONTROL = reverse(CONTROL_LEVEL_ZH);
const STATUS = reverse(STATUS_ZH);
const KIND = reverse(KEY_KIND_ZH);

export interface ImportContext {
  principal: Principal;
  regions: RegionIndex;
  existingCreditCodes: Set<string>;
}

/** Every row to an enterprise draft, or errors naming each bad cell (row, column letter, header). */
export function validateRows(
  sheet: ParsedSheet,
  ctx: ImportContext,
): { drafts: EnterpriseCreate[]; errors: CellError[] } {
  const errors: CellError[] = [...sheet.errors];
  const drafts: EnterpriseCreate[] = [];
  const seenCodes = new Map<string, number>();
  const districts = [...ctx.regions.values()].filter((r) => r.level === 'district');
  for (const { row, cells } of sheet.rows) {
    const fail = (key: ColumnKey, message: string) =>
      errors.push({ row, ...positionOf(key, sheet.positions), field: key, message });
    const before = errors.length;
    const need = (key: ColumnKey, label: string) => {
      if (!cells[key]) fail(key, `${label}不能为空`);
      return cells[key] ?? '';
    };
    const name = need('name', '企业名称');
    if (name && name.length < 2) fail('name', '企业名称须填写全称');
    const creditCode = need('creditCode', '统一社会信用代码').toUpperCase();
    if (creditCode) {
      const verdict = validateCreditCode(creditCode);
      if (!verdict.ok) fail('creditCode', verdict.message);
      else if (ctx.existingCreditCodes.has(creditCode))
        fail('creditCode', '系统中已有该统一社会信用代码的企业');
      else if (seenCodes.has(creditCode)) fail('creditCode', `与第 ${seenCodes.get(creditCode)} 行重复`);
      seenCodes.set(creditCode, row);
    }
    const regionText = need('region', '市区县');
    const district = districts.find(
      (d) => d.name === regionText || regionText.endsWith(d.name) || d.code === regionText,
    );
    if (regionText && !district) fail('region', `未知的区县：${regionText}`);
    else if (district && !canWriteInRegion(ctx.principal, district.code))
      fail('region', '不在您的管辖区域内');
    let townshipCode: string | null = null;
    if (cells.township) {
      const t = [...ctx.regions.values()].find(
        (r) => r.level === 'township' && (r.name === cells.township || r.code === cells.township),
      );
      if (!t) fail('township', `未知的乡镇（街道）：${cells.township}`);
      else if (district && t.parentCode !== district.code)
        fail('township', `${cells.township}不属于${district.name}`);
      else townshipCode = t.code;
    }
    let industryCode: string | null = null;
    let programmeIndustry: string | null = null;
    if (cells.industry) {
      const code = /^(\d{4})/.exec(cells.industry)?.[1];
      const programme = PROGRAMME_INDUSTRIES.find((p) => p.zh === cells.industry);
      if (code && industryName(code)) industryCode = code;
      else if (programme) programmeIndustry = programme.key;
      else
        fail(
          'industry',
          `无法识别的行业：${cells.industry}（填写国民经济行业代码如“2221”，或达标计划行业如“造纸”）`,
        );
    }
    const controlLevel = cells.controlLevel ? CONTROL.get(cells.controlLevel) : 'none';
    if (!controlLevel) fail('controlLevel', '类别应填写国控、省控、市控或留空');
    const status = cells.status ? STATUS.get(cells.status) : 'operating';
    if (!status) fail('status', '企业状态应为在产、停产或关闭');
    const kinds = (cells.keyKinds ?? '').split(/[、,，\s]+/).filter(Boolean);
    const keyKinds = kinds.map((k) => KIND.get(k));
    if (keyKinds.some((k) => !k)) fail('keyKinds', '重点排污类别用“水、气、土壤、噪声、其他”，以顿号分隔');
    const coordinate = (key: 'lng' | 'lat', min: number, max: number) => {
      if (!cells[key]) return null;
      const v = Number(cells[key]);
      if (!Number.isFinite(v) || v < min || v > max)
        fail(key, `${key === 'lng' ? '东经' : '北纬'}须为 ${min}～${max} 之间的数字`);
      return v;
    };
    const lng = coordinate('lng', 73, 136);
    const lat = coordinate('lat', 3, 54);
    if ((lng === null) !== (lat === null)) fail(lng === null ? 'lng' : 'lat', '东经和北纬须同时填写');
    const startedOn = cells.startedOn ?? null;
    if (startedOn && !/^\d{4}-\d{2}-\d{2}$/.test(startedOn)) fail('startedOn', '投产时间格式为 YYYY-MM-DD');
    const phone = cells.envContactPhone ?? null;
    if (phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone))
      fail('envContactPhone', '联系方式须为手机号或座机号');
    if (errors.length > before || !district) continue;
    const programme = deriveProgramme({ industryCode, programmeIndustry });
    drafts.push({
      creditCode,
      name,
      legalRepresentative: cells.legalRepresentative ?? null,
      address: cells.address ?? null,
      lng,
      lat,
      regionCode: district.code,
      townshipCode,
      gridId: null,
      industryCode,
      programmeIndustry: programme.programmeIndustry,
      batch: programme.batch,
      controlLevel: controlLevel as EnterpriseCreate['controlLevel'] & string,
      keyKinds: keyKinds as NonNullable<EnterpriseCreate['keyKinds']>,
      status: status as EnterpriseCreate['status'] & string,
      productsAndScale: cells.productsAndScale ?? null,
      startedOn,
      envContact: cells.envContact ?? null,
      envContactPhone: phone,
    });
  }
  return { drafts, errors };
}
