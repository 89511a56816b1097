import { describe, expect, it } from 'vitest';
import {
  mayApplyForRepair,
  mayWithdrawPublication,
  publicationState,
  repairOpensOn,
} from './credit-repair.ts';

describe('publication and credit repair (measure 22)', () => {
  it('publishes until repaired or until the longest period has run', () => {
    expect(publicationState({ repairedOn: null, maxUntil: '2027-12-05' }, '2027-12-05')).toBe('published');
    expect(publicationState({ repairedOn: null, maxUntil: '2027-12-05' }, '2027-12-06')).toBe('expired');
    expect(publicationState({ repairedOn: '2027-04-01', maxUntil: '2027-12-05' }, '2027-04-02')).toBe(
      'repaired',
    );
  });

  it('opens repair the day after the shortest period, or at once when there is none', () => {
    expect(repairOpensOn({ minUntil: '2027-03-05', publishedOn: '2026-12-06' })).toBe('2027-03-06');
    expect(repairOpensOn({ minUntil: null, publishedOn: '2026-12-06' })).toBe('2026-12-06');
  });

  const facts = {
    state: 'published' as const,
    minUntil: '2027-03-05',
    today: '2027-03-06',
    dutiesMet: true,
    pendingApplication: false,
  };

  it('accepts an application once the shortest period has run and the decision is carried out', () => {
    expect(mayApplyForRepair(facts).ok).toBe(true);
    expect(mayApplyForRepair({ ...facts, minUntil: null, today: '2026-12-06' }).ok).toBe(true);
  });

  it('refuses one too early, with open duties, while another is pending, or once the publication ended', () => {
    expect(mayApplyForRepair({ ...facts, today: '2027-03-05' })).toMatchObject({
      ok: false,
      code: 'CREDIT_REPAIR_TOO_EARLY',
    });
    expect(mayApplyForRepair({ ...facts, dutiesMet: false })).toMatchObject({
      code: 'CREDIT_REPAIR_DUTIES_OPEN',
    });
    expect(mayApplyForRepair({ ...facts, pendingApplication: true })).toMatchObject({
      code: 'CREDIT_REPAIR_PENDING',
    });
    expect(mayApplyForRepair({ ...facts, state: 'repaired' })).toMatchObject({
      code: 'CREDIT_REPAIR_NOT_PUBLISHED',
    });
  });

  it('withdraws a varied or revoked decision before anything else, once, on a ground dated after publication', () => {
    expect(
      publicationState(
        { repairedOn: '2027-04-01', maxUntil: '2027-12-05', withdrawnOn: '2027-01-10' },
        '2027-04-02',
      ),
    ).toBe('withdrawn');
    const facts = {
      withdrawnOn: null,
      groundOn: '2027-01-08',
      publishedOn: '2026-12-06',
      today: '2027-01-10',
    };
    expect(mayWithdrawPublication(facts).ok).toBe(true);
    expect(mayWithdrawPublication({ ...facts, withdrawnOn: '2027-01-09' })).toMatchObject({
      code: 'PUBLICATION_WITHDRAWN',
    });
    expect(mayWithdrawPublication({ ...facts, groundOn: '2027-01-11' })).toMatchObject({
      code: 'PUBLICATION_GROUND_DATE',
    });
    expect(mayWithdrawPublication({ ...facts, groundOn: '2026-12-01' })).toMatchObject({
      code: 'PUBLICATION_GROUND_DATE',
    });
  });
});
