import { z } from 'zod';

// 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character set (no I, O, Z, S, V).
// Position 1 registration authority, 2 organisation category, 3–8 administrative division code,
// 9–17 organisation code, 18 check character. We check what the standard's arithmetic fixes
// (charset, division digits, check character) and do not guess at the lists of authority or
// category codes, which have grown since 2015.
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeErrorCode =
  'CREDIT_CODE_LENGTH' | 'CREDIT_CODE_CHARSET' | 'CREDIT_CODE_DIVISION' | 'CREDIT_CODE_CHECK_DIGIT';

export type CreditCodeValidation =
  { ok: true; code: string } | { ok: false; code: CreditCodeErrorCode; message: string };

const charValue = (char: string): number => CREDIT_CODE_CHARSET.indexOf(char);

// The check character for the first 17 characters: 31 − (Σ value × weight mod 31), where 31 reads as 0.
export const creditCodeCheckChar = (first17: string): string => {
  const prefix = first17.toUpperCase();
  if (prefix.length !== 17) {
    throw new RangeError(`a credit code prefix has 17 characters, got ${prefix.length}`);
  }
  let sum = 0;
  for (let position = 0; position < 17; position += 1) {
    const value = charValue(prefix.charAt(position));
    if (value < 0) {
      throw new RangeError(`'${prefix.charAt(position)}' is not a credit code character`);
    }
    sum += value * (WEIGHTS[position] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(check);
};

// For demo-data generators: a valid code from any 17 valid characters.
export const makeCreditCode = (first17: string): string =>
  first17.toUpperCase() + creditCodeCheckChar(first17);

const fail = (code: CreditCodeErrorCode, message: string): CreditCodeValidation => ({
  ok: false,
  code,
  message,
});

export const validateCreditCode = (input: string): CreditCodeValidation => {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) {
    return fail('CREDIT_CODE_LENGTH', `统一社会信用代码应为18位，当前为${code.length}位`);
  }
  for (let position = 0; position < 18; position += 1) {
    const char = code.charAt(position);
    if (charValue(char) < 0) {
      return fail(
        'CREDIT_CODE_CHARSET',
        `统一社会信用代码第${position + 1}位“${char}”不是有效字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）`,
      );
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return fail('CREDIT_CODE_DIVISION', '统一社会信用代码第3至8位应为6位数字的行政区划代码');
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return fail('CREDIT_CODE_CHECK_DIGIT', `统一社会信用代码校验位错误，应为 ${expected}`);
  }
  return { ok: true, code };
};

// At the boundary (forms, imports): trims, upper-cases and checks, with the Chinese message as the issue.
export const ZCreditCodeSchema = z.string().transform((input, context) => {
  const result = validateCreditCode(input);
  if (!result.ok) {
    context.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
    return z.NEVER;
  }
  return result.code;
});
