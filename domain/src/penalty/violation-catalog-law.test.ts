import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { amountKey, amountsIn, parseLawText } from './law-text.ts';
import type { LawArticle } from './law-text.ts';
import { violationCatalog } from './violation-catalog.ts';
import type { Fine, Violation } from './violation-catalog.ts';

// issue 15, "done when": the catalogue's wording and fine ranges equal the law texts, article by article.
const here = dirname(fileURLToPath(import.meta.url));
const catalogDirectory = join(here, '../../../catalog');
const sharedLaws = join(here, '../../../../shared/domain/laws');

const lawTexts = new Map(
  violationCatalog.laws.map((law) => [law.code, readFileSync(join(catalogDirectory, law.file), 'utf8')]),
);
const articlesOf = new Map([...lawTexts].map(([code, text]) => [code, parseLawText(text)]));

const fineKey = (fine: Fine): string =>
  fine.kind === 'range'
    ? `${fine.minFen}-${fine.maxFen}`
    : fine.kind === 'up_to'
      ? `≤${fine.maxFen}`
      : fine.kind === 'income_share'
        ? `${fine.minPercent}%-${fine.maxPercent}%`
        : `${fine.minMultiple}x-${fine.maxMultiple}x`;

const article = (entry: Violation, number = entry.article): LawArticle => {
  const found = articlesOf.get(entry.lawCode)?.get(number);
  if (!found) throw new Error(`${entry.code}: 法律文本中没有第 ${number} 条`);
  return found;
};
const paragraphText = (entry: Violation, number = entry.article, paragraph = entry.paragraph): string => {
  const found = article(entry, number).paragraphs[paragraph - 1];
  if (!found) throw new Error(`${entry.code}: 第 ${number} 条没有第 ${paragraph} 款`);
  return [found.text, ...found.items].join('\n');
};
const unique = (keys: string[]): string[] => [...new Set(keys)].sort();

describe('violation catalogue against the law texts', () => {
  it('keeps the law files identical to the shared copies when those are present', () => {
    for (const law of violationCatalog.laws) {
      const shared = join(sharedLaws, law.file.replace(/^laws\//, ''));
      if (existsSync(shared)) expect(readFileSync(shared, 'utf8'), law.file).toBe(lawTexts.get(law.code));
    }
    expect(lawTexts.size).toBe(violationCatalog.laws.length);
  });

  it.each(violationCatalog.entries.map((entry) => [entry.code, entry] as const))(
    '%s quotes the violation and the penalty clause in the law’s words',
    (_code, entry) => {
      const text = paragraphText(entry);
      expect(text).toContain(entry.violation);
      expect(text).toContain(entry.penaltyText);
      if (entry.item !== undefined) {
        const item = article(entry).paragraphs[entry.paragraph - 1]?.items[entry.item - 1] ?? '';
        expect(item.includes(entry.violation) || item.includes(entry.circumstance ?? '\u0000')).toBe(true);
      }
    },
  );

  it.each(violationCatalog.entries.map((entry) => [entry.code, entry] as const))(
    '%s has exactly the fine ranges its article names',
    (_code, entry) => {
      const stated = unique(amountsIn(entry.penaltyText).map(amountKey));
      const referenced = (entry.references ?? []).flatMap((reference) =>
        amountsIn(paragraphText(entry, reference.article, reference.paragraph)).map(amountKey),
      );
      const catalogued = unique(entry.penalties.flatMap((row) => row.fines.map(fineKey)));
      if (referenced.length === 0) expect(catalogued).toEqual(stated);
      else {
        // "依照前款规定处罚": every amount comes from the referenced paragraph or the clause itself
        for (const key of catalogued) expect([...stated, ...referenced]).toContain(key);
        for (const key of stated) expect(catalogued).toContain(key);
      }
    },
  );

  it.each(violationCatalog.entries.map((entry) => [entry.code, entry] as const))(
    '%s fines the parties and stages its clause names',
    (_code, entry) => {
      const persons = entry.penaltyText.match(/直接责任人员处/g)?.length ?? 0;
      const rows = entry.penalties.filter(
        (row) => row.party === 'directly_responsible' && row.fines.length > 0,
      );
      expect(rows.length).toBe(persons);
      const clauses = [
        entry.penaltyText,
        ...(entry.references ?? []).map((reference) =>
          paragraphText(entry, reference.article, reference.paragraph),
        ),
      ]
        .join('\n')
        // where the refusal is the violation itself (第一百一十二条), it is no later stage
        .replace(entry.violation, '');
      const deadline = /逾期未改正|逾期不改正|拒不改正|拒不执行|逾期仍不/.test(clauses);
      expect(entry.penalties.some((row) => row.stage === 'after_missed_deadline')).toBe(deadline);
    },
  );

  it('covers every penalty article of the Work Safety Law from 93 to 113', () => {
    const articles = new Set(
      violationCatalog.entries
        .filter((entry) => entry.lawCode === 'work_safety_law')
        .map((entry) => entry.article),
    );
    // 100 refers to the hazardous-goods rules (catalogued from the regulations), 107 is the enterprise's own
    // discipline, 111 concerns governments and departments, 114–116 are accidents (not in this scope)
    for (let number = 93; number <= 113; number += 1)
      if (![100, 107, 111].includes(number)) expect(articles, `第${number}条`).toContain(number);
  });

  it('has an entry for every item of every listed article', () => {
    for (const entry of violationCatalog.entries.filter((candidate) => candidate.item !== undefined)) {
      const items = article(entry).paragraphs[entry.paragraph - 1]?.items ?? [];
      for (let item = 1; item <= items.length; item += 1)
        expect(
          violationCatalog.entries.some(
            (other) =>
              other.lawCode === entry.lawCode &&
              other.article === entry.article &&
              other.paragraph === entry.paragraph &&
              other.item === item,
          ),
          `${entry.lawCode} ${entry.article}(${item})`,
        ).toBe(true);
    }
  });
});
