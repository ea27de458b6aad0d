import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  makeCreditCode,
  normalizeCreditCode,
  orgCodeCheckChar,
  validateCreditCode,
} from '../src/registry/credit-code';

/** Published codes of well-known organisations (and the example in GB 32100 itself). */
const KNOWN_VALID = [
  ['91350100M000100Y43', 'GB 32100-2015 example'],
  ['914403001922038216', '华为技术有限公司'],
  ['9144030071526726XG', '深圳市腾讯计算机系统有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
] as const;

/** First 17 characters with a correct organisation code, then the right 18th. */
function withCheck(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

describe('validateCreditCode', () => {
  it.each(KNOWN_VALID)('accepts %s (%s)', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });

  it.each([
    ['', 'LENGTH'],
    ['91350100M000100Y4', 'LENGTH'],
    ['91350100M000100Y433', 'LENGTH'],
    ['91350100m000100Y43', 'CHARSET'],
    ['91350100I000100Y43', 'CHARSET'],
    ['91350100O000100Y43', 'CHARSET'],
    ['91350100Z000100Y43', 'CHARSET'],
    ['91350100S000100Y43', 'CHARSET'],
    ['91350100V000100Y43', 'CHARSET'],
    ['91350100M000100Y4 ', 'CHARSET'],
    ['913501A0M000100Y43', 'DIVISION'],
    ['919901000M00100Y43', 'DIVISION'],
    ['91000000M000100Y43', 'DIVISION'],
    ['91350100M000100Y44', 'CHECK_DIGIT'],
    ['91350100M000100Y4X', 'CHECK_DIGIT'],
    ['92350100M000100Y43', 'CHECK_DIGIT'],
    // Organisation body changed and its check left alone, the 18th recomputed to match.
    [withCheck('91350100M000101Y4'), 'ORG_CHECK_DIGIT'],
  ])('%j → %s', (code, expected) => {
    const verdict = validateCreditCode(code);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.code).toBe(expected);
      expect(verdict.message).toMatch(/统一社会信用代码|组织机构代码/);
    }
  });

  it('reports the expected check character in the message', () => {
    const verdict = validateCreditCode('91350100M000100Y44');
    expect(verdict.ok || verdict.message).toContain('“3”');
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (pos, shift) => {
        const code = KNOWN_VALID[0][0];
        const i = CREDIT_CODE_CHARSET.indexOf(code[pos]!);
        const changed = code.slice(0, pos) + CREDIT_CODE_CHARSET[(i + shift) % 31] + code.slice(pos + 1);
        expect(validateCreditCode(changed).ok).toBe(false);
      }),
    );
  });
});

describe('check characters', () => {
  it.each([
    ['M000100Y', '4'],
    ['19220382', '1'],
    ['71526726', 'X'],
    ['55138508', '2'],
  ])('GB 11714 check of %s is %s', (body, check) => {
    expect(orgCodeCheckChar(body)).toBe(check);
  });

  it('maps a GB 11714 remainder of 0 (check 11) to 0', () => {
    // 00000000 sums to 0: 11 - 0 = 11 → '0'.
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });

  it('maps a GB 32100 remainder of 0 (check 31) to 0', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
});

describe('makeCreditCode', () => {
  it('rebuilds the GB 32100 example', () => {
    expect(makeCreditCode({ authority: '9', orgType: '1', division: '350100', orgBody: 'M000100Y' })).toBe(
      '91350100M000100Y43',
    );
  });

  it('always makes codes that validate', () => {
    const char = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 99 }),
        (body, n) => {
          const division = `43${String(n).padStart(2, '0')}00`;
          const code = makeCreditCode({ authority: '9', orgType: '1', division, orgBody: body.join('') });
          expect(validateCreditCode(code)).toEqual({ ok: true });
        },
      ),
    );
  });

  it('rejects parts outside the charset', () => {
    expect(() =>
      makeCreditCode({ authority: '9', orgType: '1', division: '430900', orgBody: 'MA4LIIII' }),
    ).toThrow(RangeError);
  });
});

describe('normalizeCreditCode', () => {
  it('trims, upper-cases and folds full-width characters', () => {
    expect(normalizeCreditCode(' ９１３５０１００m０００１００y４３ ')).toBe('91350100M000100Y43');
  });
});
