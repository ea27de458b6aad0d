import { programmeIndustryOf, validateCreditCode } from '@dabiao/domain';
import type { FieldError } from '../platform/errors/app-error';
import type { RegionIndex } from './region.repository';

export interface EnterpriseDraft {
  creditCode?: string;
  regionCode?: string;
  townshipCode?: string | null;
  gridId?: number | null;
  industryCode?: string | null;
  programmeIndustry?: string | null;
  batch?: number | null;
  lng?: number | null;
  lat?: number | null;
}

/**
 * Checks an enterprise's fields against reference data (regions, grids, the credit-code rule).
 * Shared by the API and the Excel import so both give the same answers for the same cell.
 */
export function checkEnterpriseDraft(
  draft: EnterpriseDraft,
  regions: RegionIndex,
  grids: Map<number, { townshipCode: string }>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (draft.creditCode !== undefined) {
    const verdict = validateCreditCode(draft.creditCode);
    if (!verdict.ok) errors.push({ path: '/creditCode', message: verdict.message, code: verdict.code });
  }
  const region = draft.regionCode !== undefined ? regions.get(draft.regionCode) : undefined;
  if (draft.regionCode !== undefined && region?.level !== 'district') {
    errors.push({
      path: '/regionCode',
      message: `未知的区县代码：${draft.regionCode}`,
      code: 'UNKNOWN_REGION',
    });
  }
  if (draft.townshipCode) {
    const township = regions.get(draft.townshipCode);
    if (township?.level !== 'township') {
      errors.push({
        path: '/townshipCode',
        message: `未知的乡镇（街道）代码：${draft.townshipCode}`,
        code: 'UNKNOWN_REGION',
      });
    } else if (draft.regionCode && township.parentCode !== draft.regionCode) {
      errors.push({
        path: '/townshipCode',
        message: '该乡镇（街道）不属于所选区县',
        code: 'REGION_MISMATCH',
      });
    }
  }
  if (draft.gridId) {
    const grid = grids.get(draft.gridId);
    if (!grid) errors.push({ path: '/gridId', message: '网格不存在', code: 'UNKNOWN_GRID' });
    else if (draft.townshipCode && grid.townshipCode !== draft.townshipCode) {
      errors.push({ path: '/gridId', message: '该网格不属于所选乡镇（街道）', code: 'GRID_MISMATCH' });
    }
  }
  if ((draft.lng == null) !== (draft.lat == null) && draft.lng !== undefined && draft.lat !== undefined) {
    errors.push({
      path: draft.lng == null ? '/lng' : '/lat',
      message: '经度和纬度须同时填写',
      code: 'COORDINATES',
    });
  }
  return errors;
}

/** The programme industry and batch follow from the GB/T 4754 class unless given explicitly. */
export function deriveProgramme(draft: EnterpriseDraft): {
  programmeIndustry: string | null;
  batch: number | null;
} {
  if (draft.programmeIndustry)
    return { programmeIndustry: draft.programmeIndustry, batch: draft.batch ?? null };
  const derived = draft.industryCode ? programmeIndustryOf(draft.industryCode) : undefined;
  return { programmeIndustry: derived?.key ?? null, batch: draft.batch ?? derived?.batch ?? null };
}
