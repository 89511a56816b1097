// Measure 29 and the Guangdong 公示办法 第十四条: what the public portal shows carries no personal data. A natural
// person's name keeps its surname and loses the rest (张三 → 张*; a two-character compound surname is kept when
// it is one of the common ones); identity-card numbers and telephone numbers are removed from every text. The
// masking style is the platform's (catalog/disclosure.json `redaction`, unverified). Pure: no I/O.

export const REDACTED = '[已隐去]';

// the compound surnames common enough to be kept whole
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '西门',
  '南宫',
  '独孤',
];

// 张三 → 张*, 欧阳小明 → 欧阳**; a name of one character is replaced whole; blanks stay blank.
export const maskPersonName = (name: string): string => {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, surnameLength).join('') + '*'.repeat(chars.length - surnameLength);
};

// 18-digit resident identity numbers (last may be X), the older 15-digit ones; mobile numbers (with an optional
// +86), and landlines with an area code (0xx-xxxxxxxx, optionally with an extension). The digits must stand
// alone, so a 统一社会信用代码 or a document number is left as it is.
const ID_NUMBER =
  /(?<![0-9A-Za-z])(?:[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]|[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])/g;
const LANDLINE = /(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|0\d{2,3})[- ]?\d{7,8}(?:[-转]\d{1,6})?(?![0-9A-Za-z])/g;

// Removes identity and telephone numbers; replaces each name given (a natural person's) by its mask.
export const redactText = (text: string, personNames: readonly string[] = []): string => {
  let redacted = text.replace(ID_NUMBER, REDACTED).replace(MOBILE, REDACTED).replace(LANDLINE, REDACTED);
  for (const name of personNames) {
    const trimmed = name.trim();
    if (Array.from(trimmed).length < 2) continue;
    redacted = redacted.split(trimmed).join(maskPersonName(trimmed));
  }
  return redacted;
};

// A party is a natural person when the decision says so (自然人, 个人, or an individual business's operator).
export const isNaturalPersonParty = (partyType: string): boolean => /自然人|个人|个体/.test(partyType);

export type PublicDecisionFields = {
  partyType: string;
  partyName: string;
  caseName: string;
  facts: string;
  basis: string;
  decision: string;
};

// The summary fields of 公示办法 第十三条 as the public reads them: a natural person's name masked everywhere it
// appears, numbers that identify or reach a person removed from every text field.
export const redactPublicDecision = <T extends PublicDecisionFields>(decision: T): T => {
  const person = isNaturalPersonParty(decision.partyType);
  const names = person ? [decision.partyName] : [];
  return {
    ...decision,
    partyName: person ? maskPersonName(decision.partyName) : redactText(decision.partyName),
    caseName: redactText(decision.caseName, names),
    facts: redactText(decision.facts, names),
    basis: redactText(decision.basis, names),
    decision: redactText(decision.decision, names),
  };
};
