// How a document writes an amount of money: 人民币贰万叁仟元整（￥23,000.00）. Amounts are integer fen.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

// 0 ≤ group < 10000, written with its zeros the way a cheque writes them
const groupText = (group: number): string => {
  let text = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const digit = Math.floor(group / 10 ** i) % 10;
    if (digit === 0) {
      zero = text !== '';
      continue;
    }
    if (zero) text += '零';
    zero = false;
    text += DIGITS[digit]! + SMALL_UNITS[i]!;
  }
  return text;
};

export const capitalYuan = (fen: number): string => {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`金额须为非负整数（分）：${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let integer = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
    let pendingZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const group = groups[i]!;
      if (group === 0) {
        pendingZero = integer !== '';
        continue;
      }
      // zeros between two digits read as one 零: 壹万零伍拾, 壹佰万零伍仟
      if (integer !== '' && (pendingZero || group < 1000 || groups[i + 1]! % 10 === 0)) integer += '零';
      pendingZero = false;
      integer += groupText(group) + GROUP_UNITS[i]!;
    }
    integer += '元';
  }
  if (jiao === 0 && cents === 0) return `${integer || '零元'}整`;
  let fraction = '';
  if (jiao > 0) fraction += `${DIGITS[jiao]}角`;
  else if (integer) fraction += '零';
  if (cents > 0) fraction += `${DIGITS[cents]}分`;
  return integer + fraction;
};

// ￥23,000.00
export const figureYuan = (fen: number): string =>
  `￥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// 人民币贰万叁仟元整（￥23,000.00）
export const moneyText = (fen: number): string => `人民币${capitalYuan(fen)}（${figureYuan(fen)}）`;
