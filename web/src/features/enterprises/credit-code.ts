// 统一社会信用代码 (GB 32100-2015): 18 characters, the last one a check character.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'checkDigit';

export const creditCodeProblem = (code: string): CreditCodeProblem | null => {
  if (code.length !== 18) return 'length';
  const values = [...code].map((char) => ALPHABET.indexOf(char));
  if (values.some((value) => value < 0)) return 'characters';
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * (values[index] ?? 0), 0);
  const expected = (31 - (sum % 31)) % 31;
  return values[17] === expected ? null : 'checkDigit';
};
