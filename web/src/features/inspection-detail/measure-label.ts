// Measures are cited as the document numbers them: 措施第十二项.
const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const chineseNumeral = (n: number): string => {
  if (n <= 10) return NUMERALS[n] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const ones = n % 10;
  return `${NUMERALS[Math.floor(n / 10)]}十${ones ? NUMERALS[ones] : ''}`;
};
