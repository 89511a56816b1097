import { describe, expect, it } from 'vitest';
import { violationByCode } from './violation-catalog.ts';
import { caseProcedureCatalog } from './case-procedure.ts';
import {
  isListed,
  listingPeriod,
  mayDecideListing,
  mayRecommendListing,
  mayRemoveListing,
  seriousDishonestyProposal,
} from './serious-dishonesty.ts';

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

describe('the bureau decides on a proposed listing (令第11号 第三条、第四条)', () => {
  const proposal = seriousDishonestyProposal({ violationCode: 'wslr_19_1', tier: 'ordinary' });

  it('is recommended once, after the decision, only where a listing case matches', () => {
    expect(mayRecommendListing({ proposal, decided: true, existing: null }).ok).toBe(true);
    expect(mayRecommendListing({ proposal: null, decided: true, existing: null })).toMatchObject({
      code: 'LISTING_NO_CRITERION',
      measure: 22,
    });
    expect(mayRecommendListing({ proposal, decided: false, existing: null })).toMatchObject({
      code: 'LISTING_NOT_DECIDED',
    });
    expect(mayRecommendListing({ proposal, decided: true, existing: 'not_listed' })).toMatchObject({
      code: 'LISTING_EXISTS',
    });
  });

  it('is decided by a head who did not recommend it, with a reason where he departs from it', () => {
    const recommended = {
      status: 'recommended' as const,
      recommendedBy: 'a',
      recommendation: 'list' as const,
    };
    expect(mayDecideListing(recommended, { list: true, note: '' }, 'a')).toMatchObject({
      code: 'LISTING_SELF_APPROVAL',
    });
    expect(mayDecideListing(recommended, { list: true, note: '' }, 'b').ok).toBe(true);
    expect(mayDecideListing(recommended, { list: false, note: ' ' }, 'b')).toMatchObject({
      code: 'LISTING_DEPARTURE_NEEDS_REASON',
    });
    expect(mayDecideListing(recommended, { list: false, note: '情节较轻，已主动消除危害' }, 'b').ok).toBe(
      true,
    );
    expect(
      mayDecideListing({ ...recommended, recommendation: 'not_list' }, { list: true, note: '' }, 'b'),
    ).toMatchObject({ code: 'LISTING_DEPARTURE_NEEDS_REASON' });
    expect(
      mayDecideListing({ ...recommended, status: 'listed' }, { list: true, note: '' }, 'b'),
    ).toMatchObject({
      code: 'LISTING_NOT_RECOMMENDED',
    });
  });

  it('lasts the catalogue years, a leap day ending on the 28th, and early removal is only warned about', () => {
    expect(caseProcedureCatalog.seriousDishonesty).toMatchObject({ listingYears: 3, earlyRemovalMonths: 12 });
    expect(listingPeriod('2026-12-06')).toMatchObject({
      endsOn: '2029-12-06',
      earlyRemovalFrom: '2027-12-06',
      verified: false,
    });
    expect(listingPeriod('2028-02-29').endsOn).toBe('2031-02-28');
    const listed = { status: 'listed' as const, listedOn: '2026-12-06' };
    const early = mayRemoveListing(listed, '2027-06-01');
    expect(early.ok && early.warning).toContain('2027-12-06');
    expect(early.ok && early.warning).toContain('待法制审核');
    const late = mayRemoveListing(listed, '2027-12-06');
    expect(late.ok && late.warning).toBeNull();
    expect(mayRemoveListing({ status: 'not_listed', listedOn: null }, '2027-12-06')).toMatchObject({
      code: 'LISTING_NOT_LISTED',
    });
    expect(isListed({ status: 'listed', endsOn: '2029-12-06' }, '2029-12-05')).toBe(true);
    expect(isListed({ status: 'listed', endsOn: '2029-12-06' }, '2029-12-06')).toBe(false);
    expect(isListed({ status: 'removed', endsOn: '2029-12-06' }, '2027-01-01')).toBe(false);
  });
});
