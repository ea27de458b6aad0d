// HJ 212-2017 data flags (数据标记) and the reasons an hour or a day is invalid, as i18n keys.

/** N 正常 · F 停运 · M 维护 · S 手工输入 · D 故障 · C 校准 · T 超测定上限 · B 通讯异常 */
export const FLAGS = ['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B'] as const;
export type Flag = (typeof FLAGS)[number];

export const isKnownFlag = (flag: string | null | undefined): flag is Flag =>
  typeof flag === 'string' && (FLAGS as readonly string[]).includes(flag);

/** The i18n key of a flag's meaning, or null for an unknown flag (show the flag as sent). */
export function flagKey(flag: string | null | undefined): string | null {
  return isKnownFlag(flag) ? `monitoring.flag.${flag}` : null;
}

const FLAG_COLORS: Record<Flag, string> = {
  N: 'green',
  F: 'default',
  M: 'gold',
  S: 'purple',
  D: 'red',
  C: 'blue',
  T: 'orange',
  B: 'red',
};

/** An antd Tag colour: green for normal data, warm colours for trouble, grey for stopped. */
export function flagColor(flag: string | null | undefined): string {
  return isKnownFlag(flag) ? FLAG_COLORS[flag] : 'default';
}

/** Flags whose data does not count towards a valid hour (HJ 75-2017; T counts, value kept). */
export const isInvalidatingFlag = (flag: string | null | undefined): boolean =>
  flag === 'F' || flag === 'M' || flag === 'S' || flag === 'D' || flag === 'C' || flag === 'B';

export const REASONS = ['TOO_FEW_VALID', 'PLANT_STOPPED', 'NO_DATA', 'INVALID_FLAG'] as const;

/** The i18n key of an invalidity reason, or null for an unknown one (show the code). */
export function reasonKey(reason: string | null | undefined): string | null {
  return typeof reason === 'string' && (REASONS as readonly string[]).includes(reason)
    ? `monitoring.reason.${reason}`
    : null;
}

/** `t` with a fallback: the label when the key is known, else the code itself, else "—". */
export function labelOr(
  t: (key: string) => string,
  key: string | null,
  code: string | null | undefined,
): string {
  if (key) return t(key);
  return code ? code : '—';
}
