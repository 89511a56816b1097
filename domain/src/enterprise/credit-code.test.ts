import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  makeCreditCode,
  validateCreditCode,
  ZCreditCodeSchema,
} from './credit-code.ts';

const charsetChar = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
const digit = fc.constantFrom(...'0123456789'.split(''));

// Positions 1–2 any code character, 3–8 a division code, 9–17 any code character.
const validPrefix = fc
  .tuple(
    fc.array(charsetChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(charsetChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, division, body]) => [...head, ...division, ...body].join(''));

describe('unified social credit code', () => {
  it('accepts commonly cited real codes', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(validateCreditCode('91110000600037341L')).toEqual({ ok: true, code: '91110000600037341L' });
  });

  it('accepts a code typed in lower case with stray spaces, and stores it upper-cased', () => {
    expect(validateCreditCode('  91110000600037341l ')).toEqual({ ok: true, code: '91110000600037341L' });
  });

  it('refuses a code that is not 18 characters long', () => {
    const result = validateCreditCode('91110000600037341');
    expect(result).toMatchObject({ ok: false, code: 'CREDIT_CODE_LENGTH' });
    expect(result.ok ? '' : result.message).toContain('18位');
  });

  it('refuses the letters the standard leaves out (I, O, Z, S, V)', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const result = validateCreditCode(`91110000600037341${letter}`);
      expect(result).toMatchObject({ ok: false, code: 'CREDIT_CODE_CHARSET' });
    }
  });

  it('refuses a code whose positions 3 to 8 are not a division code', () => {
    expect(validateCreditCode(makeCreditCode('91A10000600037341'))).toMatchObject({
      ok: false,
      code: 'CREDIT_CODE_DIVISION',
    });
  });

  it('tells the user which check character the code should end with', () => {
    expect(validateCreditCode('91110000600037341A')).toEqual({
      ok: false,
      code: 'CREDIT_CODE_CHECK_DIGIT',
      message: '统一社会信用代码校验位错误，应为 L',
    });
  });

  it('computes the check character, where a remainder of 0 gives 0', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('refuses to compute a check character from a malformed prefix', () => {
    expect(() => creditCodeCheckChar('9135')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100O4')).toThrow(RangeError);
  });

  it('accepts any valid prefix completed with its computed check character', () => {
    fc.assert(
      fc.property(validPrefix, (prefix) => {
        expect(validateCreditCode(makeCreditCode(prefix))).toEqual({
          ok: true,
          code: makeCreditCode(prefix),
        });
      }),
    );
  });

  it('refuses a valid code in which any single character has been changed', () => {
    const replacement = fc.constantFrom(...`${CREDIT_CODE_CHARSET}IOZSV-*a `.split(''));
    fc.assert(
      fc.property(validPrefix, fc.nat(17), replacement, (prefix, position, char) => {
        const code = makeCreditCode(prefix);
        fc.pre(char.toUpperCase() !== code.charAt(position));
        const changed = code.slice(0, position) + char + code.slice(position + 1);
        expect(validateCreditCode(changed).ok).toBe(false);
      }),
    );
  });

  it('gives forms the Chinese message through its zod schema', () => {
    expect(ZCreditCodeSchema.parse(' 91350100m000100y43')).toBe('91350100M000100Y43');
    const parsed = ZCreditCodeSchema.safeParse('91350100M000100Y44');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('统一社会信用代码校验位错误，应为 3');
  });
});
