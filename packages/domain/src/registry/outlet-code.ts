import type { OutletKind } from './enums';

/**
 * Permit outlet codes (排污许可证 排放口编号): DW001… for wastewater, DA001… for flue gas,
 * as the national permit system numbers them (HJ 608 / 排污许可证申请与核发技术规范).
 */
export type OutletCodeVerdict =
  | { ok: true; kind: OutletKind }
  | { ok: false; code: 'FORMAT' | 'KIND_MISMATCH'; message: string };

const OUTLET_CODE = /^D([WA])(\d{3})$/;

/** Validates the format and, when `kind` is given, that the letter matches it (W water, A air). */
export function validateOutletCode(code: string, kind?: OutletKind): OutletCodeVerdict {
  const m = OUTLET_CODE.exec(code);
  if (!m)
    return {
      ok: false,
      code: 'FORMAT',
      message: `排放口编号“${code}”格式错误，应为DW001（废水）或DA001（废气）形式`,
    };
  const letterKind: OutletKind = m[1] === 'W' ? 'water' : 'air';
  if (kind && kind !== letterKind) {
    const want = kind === 'water' ? 'DW' : 'DA';
    return {
      ok: false,
      code: 'KIND_MISMATCH',
      message: `${kind === 'water' ? '废水' : '废气'}排放口编号应以${want}开头`,
    };
  }
  return { ok: true, kind: letterKind };
}

/** The n-th (1-based) outlet code of a kind: outletCode('air', 2) = 'DA002'. */
export function outletCode(kind: OutletKind, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`outlet number out of range: ${n}`);
  return `D${kind === 'water' ? 'W' : 'A'}${String(n).padStart(3, '0')}`;
}

export type MnVerdict = { ok: true } | { ok: false; code: 'LENGTH' | 'CHARSET'; message: string };

/**
 * MN (设备唯一标识) of a data-acquisition unit: HJ 212-2005 used 14 characters, HJ 212-2017
 * 24; letters and digits only.
 */
export function validateMn(mn: string): MnVerdict {
  if (mn.length !== 14 && mn.length !== 24) {
    return { ok: false, code: 'LENGTH', message: `数采仪MN号应为14位或24位，实际为${mn.length}位` };
  }
  if (!/^[0-9A-Za-z]+$/.test(mn))
    return { ok: false, code: 'CHARSET', message: '数采仪MN号只能包含字母和数字' };
  return { ok: true };
}
