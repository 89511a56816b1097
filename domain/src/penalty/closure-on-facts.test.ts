import { describe, expect, it } from 'vitest';
import { ACCIDENT_GRADE_NAMES, mayProposeClosureOnFacts } from './closure-on-facts.ts';
import type { SuspensionCaseOnRecord } from './closure-on-facts.ts';

const onRecord = (over: Partial<SuspensionCaseOnRecord> = {}): SuspensionCaseOnRecord => ({
  caseId: 'case-1',
  reference: '2026-0007',
  sameEnterprise: true,
  decidedOn: '2026-03-01',
  penalised: true,
  lawProvidesSuspension: true,
  ...over,
});
const written = { documentNumber: '江应急罚〔2026〕7号', decidedOn: '2026-02-20', onRecord: null };

describe('提请关闭 on the facts of 第一百一十三条第一款第（二）至（四）项', () => {
  it('records item (二) with the suspension decision and a later finding that the conditions are still lacking', () => {
    const verdict = mayProposeClosureOnFacts(
      {
        item: 2,
        suspension: { ...written, onRecord: onRecord() },
        reinspectedOn: '2026-04-10',
        finding: '复查发现仍未设置安全设施',
      },
      '2026-04-15',
    );
    expect(verdict).toMatchObject({
      ok: true,
      proposal: {
        item: 2,
        provision: '第一百一十三条第一款第（二）项',
        text: '经停产停业整顿，仍不具备法律、行政法规和国家标准或者行业标准规定的安全生产条件的',
        // the decision day comes from the platform's record, not the written one
        suspension: { decidedOn: '2026-03-01', caseId: 'case-1', reference: '2026-0007' },
        factsCompleteOn: '2026-04-10',
      },
    });
  });

  it('refuses a referenced case that is not a decided 停产停业整顿 of the same enterprise', () => {
    const facts = (record: SuspensionCaseOnRecord) =>
      mayProposeClosureOnFacts(
        {
          item: 4,
          suspension: { ...written, onRecord: record },
          refusalFoundOn: '2026-04-10',
          refusal: '检查发现继续生产',
        },
        '2026-04-15',
      );
    expect(facts(onRecord({ sameEnterprise: false }))).toMatchObject({
      code: 'CLOSURE_SUSPENSION_OTHER_ENTERPRISE',
    });
    expect(facts(onRecord({ decidedOn: null }))).toMatchObject({ code: 'CLOSURE_SUSPENSION_NOT_DECIDED' });
    expect(facts(onRecord({ penalised: false }))).toMatchObject({ code: 'CLOSURE_SUSPENSION_NOT_DECIDED' });
    expect(facts(onRecord({ lawProvidesSuspension: false }))).toMatchObject({
      code: 'CLOSURE_NOT_A_SUSPENSION',
      measure: 15,
    });
    expect(facts(onRecord()).ok).toBe(true);
  });

  it('takes a written suspension decision the platform does not hold, and orders the days after it', () => {
    expect(
      mayProposeClosureOnFacts(
        { item: 2, suspension: written, reinspectedOn: '2026-02-20', finding: '仍不具备' },
        '2026-03-01',
      ),
    ).toMatchObject({ code: 'CLOSURE_FACTS_BEFORE_SUSPENSION' });
    // a refusal may be found on the day of the decision
    expect(
      mayProposeClosureOnFacts(
        { item: 4, suspension: written, refusalFoundOn: '2026-02-20', refusal: '当日拒不停产' },
        '2026-02-20',
      ).ok,
    ).toBe(true);
    expect(
      mayProposeClosureOnFacts(
        { item: 4, suspension: written, refusalFoundOn: '2026-03-05', refusal: '拒不停产' },
        '2026-03-04',
      ),
    ).toMatchObject({ code: 'CLOSURE_DATE_BEFORE_FACTS' });
  });

  it('records item (三) only for a 重大 or 特别重大 accident, as 事故条例 第三条 names the grades', () => {
    expect(Object.values(ACCIDENT_GRADE_NAMES)).toEqual(['一般事故', '较大事故', '重大事故', '特别重大事故']);
    const accident = {
      item: 3 as const,
      accidentOn: '2026-05-01',
      accident: '储罐爆炸，12 人死亡',
      conditionsLacking: '未按国家标准设置泄压装置',
    };
    for (const grade of ['ordinary', 'larger'] as const)
      expect(mayProposeClosureOnFacts({ ...accident, accidentGrade: grade }, '2026-05-10')).toMatchObject({
        code: 'CLOSURE_ACCIDENT_GRADE',
      });
    for (const grade of ['major', 'especially_major'] as const)
      expect(mayProposeClosureOnFacts({ ...accident, accidentGrade: grade }, '2026-05-10')).toMatchObject({
        ok: true,
        proposal: { item: 3, provision: '第一百一十三条第一款第（三）项', suspension: null },
      });
    expect(mayProposeClosureOnFacts({ ...accident, accidentGrade: 'major' }, '2026-04-30')).toMatchObject({
      code: 'CLOSURE_DATE_BEFORE_FACTS',
    });
  });
});
