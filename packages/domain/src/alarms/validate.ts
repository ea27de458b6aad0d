/**
 * Validation of the text and flags a sheet action carries. Inputs arrive as JSON, so every field is
 * checked at run time, whatever its static type says.
 */
import { isEnumKey } from '../registry/enums';
import { SHEET_ACTIONS, SHEET_CONCLUSIONS } from './labels';
import type { ActionInput } from './types';

/** Longest text (after trimming, in Unicode characters) a sheet action accepts. */
export const SHEET_TEXT_MAX = 2000;

/** A zh message for the first problem of the input, or null when it is valid. */
export function inputProblem(input: ActionInput): string | null {
  if (typeof input !== 'object' || input === null) return '缺少操作内容';
  if (!isEnumKey(SHEET_ACTIONS, input.action)) return `未知的操作：${String(input.action)}`;
  switch (input.action) {
    case 'sign':
      return optionalText(input.note, '签收备注') ?? optionalFlag(input.deviceSuspected, '是否疑似设备故障');
    case 'explain':
      return (
        requiredText(input.explanation, '情况说明') ??
        requiredText(input.selfCorrection, '自查自纠措施') ??
        requiredFlag(input.deviceSuspected, '是否疑似设备故障')
      );
    case 'verify_device':
      return requiredText(input.finding, '核查结果') ?? requiredFlag(input.deviceFaulty, '设备是否故障');
    case 'conclude':
      if (!isEnumKey(SHEET_CONCLUSIONS, input.conclusion)) return '请选择核实结论：确认超标、设备故障或误报';
      return requiredText(input.note, '核实情况');
    case 'close':
      return optionalText(input.note, '办结备注');
  }
}

const length = (s: string) => [...s].length;

function requiredText(value: unknown, name: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `请填写${name}`;
  return tooLong(value, name);
}

function optionalText(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return `${name}须为文字`;
  return tooLong(value, name);
}

function tooLong(value: string, name: string): string | null {
  const n = length(value.trim());
  return n > SHEET_TEXT_MAX ? `${name}不能超过${SHEET_TEXT_MAX}字（现为${n}字）` : null;
}

function requiredFlag(value: unknown, name: string): string | null {
  return typeof value === 'boolean' ? null : `请选择${name}`;
}

function optionalFlag(value: unknown, name: string): string | null {
  return value === undefined || typeof value === 'boolean' ? null : `请选择${name}`;
}
