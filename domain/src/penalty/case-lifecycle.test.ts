import { describe, expect, it } from 'vitest';
import { caseTransition } from './case-lifecycle.ts';
import type { CaseFacts } from './case-lifecycle.ts';
import {
  caseProcedureCatalog,
  casePeriods,
  hearingRight,
  mayRecordObservation,
  maySimplifyProcedure,
  observationFollowUp,
  periodWarnings,
} from './case-procedure.ts';
import { addDays } from '../calendar/iso-day.ts';
import { penaltyCatalogUnverified } from './unverified.ts';

const base: CaseFacts = {
  status: 'investigating',
  evidenceCount: 1,
  proposal: { tier: 'ordinary', amountFen: 2_500_000, draftedBy: 'officer', noPenaltyForbidden: false },
  actor: 'reviewer',
  needsCollectiveDiscussion: false,
  hearingRight: false,
  hearingRequestOpen: false,
  criminalReferral: { suspected: false, recorded: false },
  // the fine paid in full (the close tests below that are about other grounds)
  finePerformance: { outstandingFen: 0, courtApplied: false },
};

describe('penalty case lifecycle', () => {
  it('goes to legal review only with evidence and a proposal', () => {
    expect(caseTransition('submit_for_review', { ...base, evidenceCount: 0 })).toMatchObject({
      code: 'CASE_NEEDS_EVIDENCE',
    });
    expect(caseTransition('submit_for_review', { ...base, proposal: null })).toMatchObject({
      code: 'CASE_NEEDS_PROPOSAL',
    });
    expect(caseTransition('submit_for_review', base)).toEqual({ ok: true, to: 'legal_review' });
  });

  it('refuses a legal review by the drafter of the proposal', () => {
    const facts = { ...base, status: 'legal_review' as const, actor: 'officer' };
    expect(caseTransition('approve_review', facts)).toMatchObject({ code: 'CASE_REVIEWER_IS_DRAFTER' });
  });

  it('sends a case to collective discussion when the rules require it', () => {
    const facts = { ...base, status: 'legal_review' as const, needsCollectiveDiscussion: true };
    expect(caseTransition('approve_review', facts)).toEqual({ ok: true, to: 'collective_discussion' });
  });

  it('decides a penalty only after the party was told and heard', () => {
    const decision = { tier: 'ordinary' as const, amountFen: 2_500_000 };
    expect(caseTransition('decide', { ...base, status: 'review_approved', decision })).toMatchObject({
      code: 'CASE_TRANSITION_NOT_ALLOWED',
    });
    expect(caseTransition('decide', { ...base, status: 'notified', decision })).toEqual({
      ok: true,
      to: 'decided',
    });
  });

  it('needs a written reason for a decision that departs from the proposal', () => {
    const decision = { tier: 'ordinary' as const, amountFen: 3_000_000 };
    expect(caseTransition('decide', { ...base, status: 'notified', decision })).toMatchObject({
      code: 'CASE_DEPARTURE_NEEDS_REASON',
    });
    expect(
      caseTransition('decide', {
        ...base,
        status: 'notified',
        decision: { ...decision, departureReason: '陈述申辩理由部分成立' },
      }),
    ).toEqual({ ok: true, to: 'decided' });
  });

  it('keeps a major hidden danger case open until a penalty or a recorded legal ground', () => {
    const proposal = {
      tier: 'ordinary' as const,
      amountFen: 2_500_000,
      draftedBy: 'officer',
      noPenaltyForbidden: true,
    };
    const noPenalty = { tier: 'no_penalty' as const, amountFen: null, departureReason: '企业已整改' };
    expect(
      caseTransition('decide', { ...base, status: 'notified', proposal, decision: noPenalty }),
    ).toMatchObject({
      code: 'CASE_NO_PENALTY_FORBIDDEN',
    });
    expect(
      caseTransition('close', {
        ...base,
        status: 'served',
        proposal,
        decided: { tier: 'no_penalty', amountFen: null, legalGround: null },
      }),
    ).toMatchObject({ code: 'CASE_CANNOT_CLOSE' });
    expect(
      caseTransition('close', {
        ...base,
        status: 'served',
        proposal,
        decided: { tier: 'ordinary', amountFen: 2_500_000, legalGround: null },
      }),
    ).toEqual({ ok: true, to: 'closed' });
  });

  it('does not close a case whose facts suggest a crime until the transfer is recorded', () => {
    const decided = { tier: 'heavier' as const, amountFen: 4_000_000, legalGround: null };
    const facts = {
      ...base,
      status: 'served' as const,
      decided,
      criminalReferral: { suspected: true, recorded: false },
    };
    expect(caseTransition('close', facts)).toMatchObject({ code: 'CASE_CANNOT_CLOSE' });
    expect(
      caseTransition('close', { ...facts, criminalReferral: { suspected: true, recorded: true } }).ok,
    ).toBe(true);
  });

  it('does not close a case while a seizure is proposed or in force (行政强制法 第二十七条)', () => {
    const facts = {
      ...base,
      status: 'served' as const,
      decided: { tier: 'ordinary' as const, amountFen: 3_000_000, legalGround: null },
    };
    expect(caseTransition('close', { ...facts, openSeizures: 1 })).toMatchObject({
      code: 'CASE_CANNOT_CLOSE',
      measure: 16,
    });
    expect(caseTransition('close', { ...facts, openSeizures: 0 }).ok).toBe(true);
    // nor while power or explosives supply stays stopped (安全生产法 第七十条第二款)
    expect(caseTransition('close', { ...facts, openSupplySuspensions: 1 })).toMatchObject({
      code: 'CASE_CANNOT_CLOSE',
      basis: '《中华人民共和国安全生产法》第七十条第二款',
    });
  });
});

describe('closing a case with a fine (履行)', () => {
  const served = {
    ...base,
    status: 'served' as const,
    decided: { tier: 'ordinary' as const, amountFen: 2_500_000, legalGround: null },
  };
  it('refuses to close while the fine is outstanding, with measure 15 and its basis', () => {
    const unpaid = { outstandingFen: 1_000, courtApplied: false };
    expect(caseTransition('close', { ...served, finePerformance: unpaid })).toMatchObject({
      ok: false,
      code: 'CASE_FINE_NOT_PERFORMED',
      measure: 15,
      basis: expect.stringContaining('第五十三条') as string,
    });
    // a fine with no performance facts at all is not taken as paid
    const { finePerformance: _ignored, ...withoutPerformance } = served;
    expect(caseTransition('close', withoutPerformance)).toMatchObject({ code: 'CASE_FINE_NOT_PERFORMED' });
  });
  it('closes once paid, once the court application is recorded, or on a written legal ground', () => {
    expect(caseTransition('close', served)).toEqual({ ok: true, to: 'closed' });
    const unpaid = { outstandingFen: 1_000, courtApplied: false };
    expect(
      caseTransition('close', { ...served, finePerformance: { ...unpaid, courtApplied: true } }).ok,
    ).toBe(true);
    expect(
      caseTransition('close', {
        ...served,
        finePerformance: { ...unpaid, closingGround: '行政处罚决定已被复议机关撤销' },
      }).ok,
    ).toBe(true);
    expect(
      caseTransition('close', { ...served, finePerformance: { ...unpaid, closingGround: '  ' } }).ok,
    ).toBe(false);
  });
  it('closes a case without a fine as before', () => {
    const { finePerformance: _ignored, ...withoutPerformance } = served;
    expect(
      caseTransition('close', {
        ...withoutPerformance,
        decided: { tier: 'ordinary', amountFen: null, legalGround: null },
      }).ok,
    ).toBe(true);
  });
});

describe('periods of the Administrative Penalty Law', () => {
  it('counts 五日 and 七日 as workdays (第八十五条) and 九十日, 十五日 as days', () => {
    // notified on Friday 2026-09-25: the National Day holiday 10-01..10-07 is skipped (2026 table from chinese-days)
    const periods = casePeriods({
      opened: '2026-09-01',
      notified: '2026-09-25',
      decided: '2026-09-28',
      served: '2026-09-29',
    });
    const due = Object.fromEntries(periods.map((period) => [period.code, period.due]));
    expect(due.decision_due).toBe('2026-11-30');
    expect(due.payment_due).toBe('2026-10-14');
    // 9-28, 9-29, 9-30, (holiday), 10-08, 10-09
    expect(due.hearing_request_due).toBe('2026-10-09');
    // 9-29, 9-30, 10-08, 10-09, 10-10 (make-up workday), 10-12, 10-13
    expect(due.service_due).toBe('2026-10-13');
    expect(periods.find((period) => period.code === 'defence_due')?.verified).toBe(false);
  });

  it('warns before a period passes and when it has passed', () => {
    const periods = casePeriods({ opened: '2026-03-02' });
    expect(periodWarnings(periods, '2026-05-29')).toEqual([
      { code: 'decision_due', name: '自立案之日起作出行政处罚决定', due: '2026-05-31', state: 'due_soon' },
    ]);
    expect(periodWarnings(periods, '2026-06-01')[0]?.state).toBe('overdue');
    expect(periodWarnings(periods, '2026-04-01')).toEqual([]);
  });

  it('allows the simplified procedure only within article 51 limits', () => {
    expect(
      maySimplifyProcedure({ partyKind: 'organisation', fineFen: 300_000, sanctions: ['order_correction'] })
        .allowed,
    ).toBe(true);
    expect(maySimplifyProcedure({ partyKind: 'organisation', fineFen: 300_100, sanctions: [] }).allowed).toBe(
      false,
    );
    expect(maySimplifyProcedure({ partyKind: 'citizen', fineFen: 20_100, sanctions: [] }).allowed).toBe(
      false,
    );
  });

  it('gives a right to a hearing for a suspension whatever the fine', () => {
    expect(hearingRight({ partyKind: 'organisation', fineFen: 0, sanctions: ['suspend'] })).toBe(true);
  });
});

describe('service of the decision (measure 22)', () => {
  const decided = { tier: 'ordinary' as const, amountFen: 2_500_000, legalGround: null };
  it('serves a penalty decision only together with the credit-repair notice', () => {
    expect(
      caseTransition('serve', {
        ...base,
        status: 'decided',
        decided,
        service: { withCreditRepairNotice: false },
      }),
    ).toMatchObject({
      code: 'CASE_CREDIT_NOTICE_REQUIRED',
      measure: 22,
    });
    expect(
      caseTransition('serve', {
        ...base,
        status: 'decided',
        decided,
        service: { withCreditRepairNotice: true },
      }).ok,
    ).toBe(true);
  });
});

describe('the observation period after a decision without penalty (measure 14)', () => {
  it('opens for 不予处罚 only, counted in calendar days from the decision, marked unverified', () => {
    const observation = observationFollowUp({ tier: 'no_penalty', decidedOn: '2026-11-20' });
    expect(observation).toMatchObject({
      followUpOn: addDays('2026-11-20', caseProcedureCatalog.observation.days),
      verified: false,
    });
    // across the new year, whatever today is
    expect(observationFollowUp({ tier: 'no_penalty', decidedOn: '2026-12-15' })?.followUpOn).toBe(
      addDays('2026-12-15', caseProcedureCatalog.observation.days),
    );
    expect(observationFollowUp({ tier: 'mitigated', decidedOn: '2026-11-20' })).toBeNull();
    expect(observationFollowUp({ tier: 'ordinary', decidedOn: '2026-11-20' })).toBeNull();
    expect(penaltyCatalogUnverified().map((entry) => entry.code)).toContain('observation_period');
  });

  it('records a re-offence at any time, "kept the law" only once the period has run, and only once', () => {
    const open = { followUpOn: '2027-02-18', outcome: null };
    expect(mayRecordObservation(open, 'reoffended', '2026-12-01').ok).toBe(true);
    expect(mayRecordObservation(open, 'kept', '2027-02-17')).toMatchObject({
      ok: false,
      code: 'OBSERVATION_NOT_OVER',
      measure: 14,
    });
    expect(mayRecordObservation(open, 'kept', '2027-02-18').ok).toBe(true);
    expect(
      mayRecordObservation({ followUpOn: '2027-02-18', outcome: 'kept' }, 'reoffended', '2027-03-01'),
    ).toMatchObject({ ok: false, code: 'OBSERVATION_RECORDED' });
  });
});
