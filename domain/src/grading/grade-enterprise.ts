import type { IsoDate } from '../shared/iso-date.ts';
import { compileGradingCatalog } from './compile-grading-catalog.ts';
import type { GradeFunction } from './compile-grading-catalog.ts';
import type { EnterpriseFacts } from './enterprise-facts.ts';
import type { GradingCatalog, GradingReferences } from './grading-catalog.ts';
import type { GradingResult } from './grading-result.ts';

export type GradeEnterpriseOptions = {
  facts: EnterpriseFacts;
  catalog: GradingCatalog;
  date: IsoDate;
  // the industry and key-industry catalogues grading reads; the loaded ones by default
  references?: GradingReferences;
};

// Compiled catalogues, by catalogue object: a cache of a pure function's work, never a decision.
const compiled = new WeakMap<GradingCatalog, GradeFunction>();

// measures 3, 4, 24: one enterprise's class, risk grade, enforcement level and inspection allowance on a
// date, with the reasons. For many enterprises, compile the catalogue once with compileGradingCatalog.
export const gradeEnterprise = ({
  facts,
  catalog,
  date,
  references,
}: GradeEnterpriseOptions): GradingResult => {
  if (references) return compileGradingCatalog(catalog, references)(facts, date);
  let grade = compiled.get(catalog);
  if (!grade) {
    grade = compileGradingCatalog(catalog);
    compiled.set(catalog, grade);
  }
  return grade(facts, date);
};
