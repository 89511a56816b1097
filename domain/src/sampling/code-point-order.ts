// Item 1: pools are sorted by Unicode code point, never by locale (localeCompare differs between machines
// and versions, and a third party must get the same order). JavaScript's `<` compares UTF-16 code units,
// which misorders astral characters against U+E000–U+FFFF, so the first differing unit is fixed up.

const codePointRank = (unit: number) =>
  unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;

export const compareCodePoints = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
};

export const sortByCodePoint = (values: readonly string[]): string[] => [...values].sort(compareCodePoints);

// Strictly ascending: sorted and without duplicates. Returns the first offending index, or -1.
export const firstUnsortedIndex = (values: readonly string[]): number => {
  for (let index = 1; index < values.length; index++) {
    if (compareCodePoints(values[index - 1] as string, values[index] as string) >= 0) return index;
  }
  return -1;
};
