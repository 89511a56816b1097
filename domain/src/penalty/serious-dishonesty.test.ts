import { describe, expect, it } from 'vitest';
import { violationByCode } from './violation-catalog.ts';
import { caseProcedureCatalog } from './case-procedure.ts';
import { seriousDishonestyProposal } from './serious-dishonesty.ts';

describe('serious-dishonesty list check (令第11号)', () => {
  it('proposes a listing for producing without a licence, with the case in its words and the scope of 第三条', () => {
    const proposal = seriousDishonestyProposal({ violationCode: 'wslr_19_1', tier: 'ordinary' });
    expect(proposal).toMatchObject({
      code: 'sd_no_licence',
      criterion: '未依法取得安全生产相关许可或者许可被暂扣、吊销期间从事相关生产经营活动',
      verified: false,
    });
    expect(proposal?.scope).toContain('性质恶劣、情节严重');
  });

  it('proposes nothing for a decision without penalty or a violation no listing case names', () => {
    expect(seriousDishonestyProposal({ violationCode: 'wslr_19_1', tier: 'no_penalty' })).toBeNull();
    expect(seriousDishonestyProposal({ violationCode: 'wsl_102_1', tier: 'heavier' })).toBeNull();
    expect(seriousDishonestyProposal({ violationCode: null, tier: 'ordinary' })).toBeNull();
  });

  it('reads 瞒报、谎报 as the listing case says: a late report is not named, and the proposal says so', () => {
    expect(seriousDishonestyProposal({ violationCode: 'wsl_110_2', tier: 'ordinary' })?.note).toContain(
      '不含迟报',
    );
  });

  it('names only violations the catalogue holds', () => {
    for (const criterion of caseProcedureCatalog.seriousDishonesty.criteria)
      for (const code of criterion.violationCodes) expect(violationByCode(code), code).toBeDefined();
  });
});
