// Reading the law texts in catalog/laws/ (issue 15 item 1): articles, paragraphs and items, and the fine
// amounts a clause names. Pure: the caller reads the file.

export type LawParagraph = { text: string; items: string[] };
export type LawArticle = { number: number; paragraphs: LawParagraph[] };

const DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

// 二十 → 20, 一百零三 → 103, 一千 → 1000, 10 → 10
export const chineseNumber = (text: string): number => {
  if (/^\d+$/.test(text)) return Number(text);
  let section = 0;
  let digit = 0;
  for (const character of text) {
    if (character in DIGITS) digit = DIGITS[character] ?? 0;
    else if (character === '十') [section, digit] = [section + (digit || 1) * 10, 0];
    else if (character === '百') [section, digit] = [section + digit * 100, 0];
    else if (character === '千') [section, digit] = [section + digit * 1000, 0];
    else throw new Error(`不是数字：${text}`);
  }
  return section + digit;
};

const ARTICLE = /^第([零一二三四五六七八九十百]+)条\s+(.*)$/;
const ITEM = /^[（(][一二三四五六七八九十]+[）)]/;

export const parseLawText = (text: string): Map<number, LawArticle> => {
  const articles = new Map<number, LawArticle>();
  let current: LawArticle | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const heading = ARTICLE.exec(line);
    if (heading?.[1] !== undefined && heading[2] !== undefined) {
      current = { number: chineseNumber(heading[1]), paragraphs: [{ text: heading[2], items: [] }] };
      articles.set(current.number, current);
    } else if (line.startsWith('#')) current = null;
    else if (current && ITEM.test(line)) current.paragraphs.at(-1)?.items.push(line);
    else current?.paragraphs.push({ text: line, items: [] });
  }
  return articles;
};

export type TextAmount =
  | { kind: 'range'; minFen: number; maxFen: number }
  | { kind: 'up_to'; maxFen: number }
  | { kind: 'income_share'; minPercent: number; maxPercent: number }
  | { kind: 'multiple'; minMultiple: number; maxMultiple: number };

const NUMBER = '[零一二三四五六七八九十百千两\\d]+';
const AMOUNT = new RegExp(
  [
    `(${NUMBER})(万)?元以上(${NUMBER})(万)?元以下`,
    `(${NUMBER})(万)?元以下`,
    `百分之(${NUMBER})(?:以上百分之(${NUMBER})以下|至百分之(${NUMBER}))?`,
    `(${NUMBER})倍以上(${NUMBER})倍以下`,
  ].join('|'),
  'g',
);

const fen = (number: string, tenThousand: string | undefined): number =>
  chineseNumber(number) * (tenThousand ? 10_000 : 1) * 100;

// Every fine amount a clause names. A threshold on the illegal gain (违法所得十万元以上) is not a fine.
export const amountsIn = (clause: string): TextAmount[] => {
  const amounts: TextAmount[] = [];
  for (const match of clause.matchAll(AMOUNT)) {
    const [, min, minWan, max, maxWan, upTo, upToWan, share, shareTo, shareTo2, multipleMin, multipleMax] =
      match;
    if (min !== undefined && max !== undefined) {
      if (clause.slice(0, match.index).endsWith('违法所得')) continue;
      amounts.push({ kind: 'range', minFen: fen(min, minWan), maxFen: fen(max, maxWan) });
    } else if (upTo !== undefined) amounts.push({ kind: 'up_to', maxFen: fen(upTo, upToWan) });
    else if (share !== undefined) {
      const to = shareTo ?? shareTo2;
      amounts.push({
        kind: 'income_share',
        minPercent: chineseNumber(share),
        maxPercent: to === undefined ? chineseNumber(share) : chineseNumber(to),
      });
    } else if (multipleMin !== undefined && multipleMax !== undefined)
      amounts.push({
        kind: 'multiple',
        minMultiple: chineseNumber(multipleMin),
        maxMultiple: chineseNumber(multipleMax),
      });
  }
  return amounts;
};

export const amountKey = (amount: TextAmount): string =>
  amount.kind === 'range'
    ? `${amount.minFen}-${amount.maxFen}`
    : amount.kind === 'up_to'
      ? `≤${amount.maxFen}`
      : amount.kind === 'income_share'
        ? `${amount.minPercent}%-${amount.maxPercent}%`
        : `${amount.minMultiple}x-${amount.maxMultiple}x`;
