/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: 1 registration authority · 2 organisation type · 3-8 administrative division
 * (GB/T 2260) · 9-17 organisation code (GB 11714, with its own check character at 17) ·
 * 18 check character over the first 17.
 */

/** The 31 characters GB 32100 allows, in value order (no I, O, Z, S, V). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** First two digits of the division code: provinces (GB/T 2260) and 10 for central bodies. */
const DIVISION_PREFIXES = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

export type CreditCodeError = 'LENGTH' | 'CHARSET' | 'CHECK_DIGIT' | 'ORG_CHECK_DIGIT' | 'DIVISION';

export type CreditCodeVerdict = { ok: true } | { ok: false; code: CreditCodeError; message: string };

/** The GB 32100 check character over the first 17 characters (which must be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c]!;
}

/** GB 11714 values: digits as themselves, letters A=10 … Z=35 (the full alphabet). */
function orgValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** The GB 11714 check character over the 8-character organisation body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function fail(code: CreditCodeError, message: string): CreditCodeVerdict {
  return { ok: false, code, message };
}

/**
 * Checks an 18-character code strictly (upper case, no spaces — see `normalizeCreditCode`).
 * Order: length, charset, division, the overall check character, then the organisation-code
 * check character (a typo in 9-17 usually breaks both; the overall one is reported).
 */
export function validateCreditCode(s: string): CreditCodeVerdict {
  if (s.length !== 18) return fail('LENGTH', `统一社会信用代码应为18位，实际为${s.length}位`);
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_CHARSET.includes(s[i]!)) {
      return fail(
        'CHARSET',
        `统一社会信用代码第${i + 1}位“${s[i]}”不是允许的字符（数字或除I、O、Z、S、V外的大写字母）`,
      );
    }
  }
  const division = s.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !DIVISION_PREFIXES.has(division.slice(0, 2))) {
    return fail('DIVISION', `统一社会信用代码第3-8位“${division}”不是有效的行政区划代码`);
  }
  const expected = creditCodeCheckChar(s.slice(0, 17));
  if (s[17] !== expected) {
    return fail('CHECK_DIGIT', `统一社会信用代码校验位错误：第18位应为“${expected}”，实际为“${s[17]}”`);
  }
  const orgExpected = orgCodeCheckChar(s.slice(8, 16));
  if (s[16] !== orgExpected) {
    return fail(
      'ORG_CHECK_DIGIT',
      `组织机构代码（第9-17位）校验位错误：第17位应为“${orgExpected}”，实际为“${s[16]}”`,
    );
  }
  return { ok: true };
}

/** Trims, upper-cases and folds full-width letters and digits (as typed in Excel sheets). */
export function normalizeCreditCode(s: string): string {
  return s
    .trim()
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    .toUpperCase();
}

export interface CreditCodeParts {
  /** Registration authority, e.g. '9' 工商 (market regulation), '5' 民政, '1' 机构编制. */
  authority: string;
  /** Organisation type within the authority, e.g. '1' enterprise for authority 9. */
  orgType: string;
  /** 6-digit GB/T 2260 division code. */
  division: string;
  /** The 8-character organisation body (positions 9-16), from the charset. */
  orgBody: string;
}

/** Builds a valid code from its parts, computing both check characters. */
export function makeCreditCode(parts: CreditCodeParts): string {
  const orgCode = parts.orgBody + orgCodeCheckChar(parts.orgBody);
  const first17 = parts.authority + parts.orgType + parts.division + orgCode;
  if (first17.length !== 17 || [...first17].some((ch) => !CREDIT_CODE_CHARSET.includes(ch))) {
    throw new RangeError(`invalid credit code parts: ${JSON.stringify(parts)}`);
  }
  return first17 + creditCodeCheckChar(first17);
}
