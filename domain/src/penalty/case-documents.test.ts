import { describe, expect, it } from 'vitest';
import { CASE_DOCUMENT_TYPE_INFO, formatDocumentNumber } from '../inspection/document-number.ts';
import {
  CASE_DOCUMENT_TYPES,
  addMonths,
  creditRepairTerms,
  latePaymentSurchargeFen,
  mayIssueCaseDocument,
  type CaseDocumentFacts,
} from './case-documents.ts';

const facts = (over: Partial<CaseDocumentFacts> = {}): CaseDocumentFacts => ({
  status: 'investigating',
  proposalTier: null,
  decisionTier: null,
  decisionAmountFen: null,
  hearingRight: false,
  notifiedOn: null,
  paymentDue: null,
  today: '2026-12-06',
  ...over,
});

const issuable = (over: Partial<CaseDocumentFacts>) =>
  CASE_DOCUMENT_TYPES.filter((type) => mayIssueCaseDocument(type, facts(over)).ok);

describe('which case documents may be issued (issue 15 item 11)', () => {
  it('gives an investigating case only its filing approval', () => {
    expect(issuable({})).toEqual(['case_filing_approval']);
  });

  it('gives the penalty notice once the review approved a penalty, and the hearing notice only with the right', () => {
    const approved = { status: 'review_approved' as const, proposalTier: 'ordinary' as const };
    expect(issuable(approved)).toEqual(['case_filing_approval', 'penalty_notice']);
    expect(issuable({ ...approved, hearingRight: true })).toEqual([
      'case_filing_approval',
      'penalty_notice',
      'hearing_notice',
    ]);
    // and not after the decision it announced
    expect(
      issuable({ ...approved, status: 'decided', decisionTier: 'ordinary', hearingRight: true }),
    ).not.toContain('penalty_notice');
    // no notice of a penalty nobody proposes (不予处罚 goes straight to its decision)
    expect(issuable({ ...approved, proposalTier: 'no_penalty' })).toEqual(['case_filing_approval']);
    expect(
      mayIssueCaseDocument('penalty_notice', facts({ status: 'legal_review', proposalTier: 'ordinary' })),
    ).toMatchObject({ ok: false, code: 'CASE_DOCUMENT_NOT_DUE' });
  });

  it('records a statement only after the party was notified', () => {
    const notified = {
      status: 'notified' as const,
      proposalTier: 'ordinary' as const,
      notifiedOn: '2026-12-01',
    };
    expect(issuable(notified)).toContain('defence_record');
    expect(issuable({ ...notified, notifiedOn: null })).not.toContain('defence_record');
  });

  it('gives the credit-repair notice with a penalty decision, never with 不予处罚', () => {
    const decided = {
      status: 'decided' as const,
      proposalTier: 'ordinary' as const,
      decisionTier: 'ordinary' as const,
    };
    expect(issuable(decided)).toEqual(expect.arrayContaining(['penalty_decision', 'credit_repair_notice']));
    expect(issuable({ ...decided, proposalTier: 'no_penalty', decisionTier: 'no_penalty' })).toEqual([
      'case_filing_approval',
      'penalty_decision',
    ]);
  });

  it('reminds of an unpaid fine only after the fifteen days from service have passed', () => {
    const served = {
      status: 'served' as const,
      proposalTier: 'ordinary' as const,
      decisionTier: 'ordinary' as const,
      decisionAmountFen: 2_000_000,
      notifiedOn: '2026-11-01',
      paymentDue: '2026-12-06',
    };
    expect(issuable({ ...served, today: '2026-12-06' })).not.toContain('fine_reminder');
    expect(issuable({ ...served, today: '2026-12-07' })).toContain('fine_reminder');
    expect(issuable({ ...served, today: '2026-12-07', status: 'closed' })).not.toContain('fine_reminder');
    expect(issuable({ ...served, today: '2026-12-07', decisionAmountFen: null })).not.toContain(
      'fine_reminder',
    );
  });

  it('names each seizure document by the seizure step it records', () => {
    const seizure = (status: 'proposed' | 'in_force' | 'released', extensionDays = 0) =>
      CASE_DOCUMENT_TYPES.filter(
        (type) => mayIssueCaseDocument(type, facts({ seizure: { status, extensionDays } })).ok,
      );
    expect(seizure('proposed')).toEqual([]);
    expect(seizure('in_force')).toEqual(['seizure_decision']);
    expect(seizure('in_force', 20)).toEqual(['seizure_decision', 'seizure_extension_decision']);
    expect(seizure('released')).toEqual(['seizure_decision', 'seizure_release_decision']);
  });

  it('asks for the subject a document is about, and refuses one for a case-wide document', () => {
    expect(mayIssueCaseDocument('seizure_decision', facts())).toMatchObject({
      ok: false,
      code: 'CASE_DOCUMENT_SUBJECT_REQUIRED',
    });
    expect(mayIssueCaseDocument('inquiry_record', facts({ evidence: { kind: 'photo' } }))).toMatchObject({
      ok: false,
      code: 'CASE_DOCUMENT_NOT_DUE',
    });
    expect(mayIssueCaseDocument('inquiry_record', facts({ evidence: { kind: 'inquiry_record' } })).ok).toBe(
      true,
    );
    expect(
      mayIssueCaseDocument('case_filing_approval', facts({ evidence: { kind: 'inquiry_record' } })),
    ).toMatchObject({ ok: false, code: 'CASE_DOCUMENT_SUBJECT_REQUIRED' });
  });

  it('gives the closing approval only to a closed case', () => {
    expect(issuable({ status: 'served', decisionTier: 'ordinary' })).not.toContain('case_closing_approval');
    expect(issuable({ status: 'closed', decisionTier: 'ordinary' })).toContain('case_closing_approval');
  });
});

describe('case document numbers', () => {
  it('numbers every case document with its catalogue code in the bureau pattern', () => {
    for (const type of CASE_DOCUMENT_TYPES) {
      const number = formatDocumentNumber({ territory: '440700', type, year: 2026, sequence: 3 });
      expect(number).toBe(`（江）应急${CASE_DOCUMENT_TYPE_INFO[type].code}〔2026〕3号`);
      // codes the national 式样 would give are unread: every one waits for the legal reviewer
      expect(CASE_DOCUMENT_TYPE_INFO[type].verified).toBe(false);
    }
    expect(new Set(CASE_DOCUMENT_TYPES.map((type) => CASE_DOCUMENT_TYPE_INFO[type].code)).size).toBe(
      CASE_DOCUMENT_TYPES.length,
    );
  });
});

describe('credit-repair notice terms (measure 22)', () => {
  it('counts months to the same day, or to the month end when the month is shorter', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-06', 3)).toBe('2027-03-06');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
  });

  it('classes a fine beyond the simplified procedure as general, three months to a year from the decision', () => {
    const terms = creditRepairTerms({
      decidedOn: '2026-12-06',
      amountFen: 2_000_000,
      sanctions: ['order_correction'],
    });
    expect(terms).toMatchObject({
      creditClass: 'general',
      publishedFrom: '2026-12-06',
      minUntil: '2027-03-05',
      maxUntil: '2027-12-05',
      verified: false,
    });
    expect(terms.platforms.length).toBeGreaterThan(0);
    expect(terms.conditions.length).toBeGreaterThan(0);
  });

  it('classes a small fine alone as minor (no shortest period) and a revocable violation as serious', () => {
    expect(creditRepairTerms({ decidedOn: '2026-12-06', amountFen: 300_000, sanctions: [] })).toMatchObject({
      creditClass: 'minor',
      minUntil: null,
      maxUntil: '2027-03-05',
    });
    expect(
      creditRepairTerms({ decidedOn: '2026-12-06', amountFen: 300_000, sanctions: ['suspend'] }).creditClass,
    ).toBe('general');
    expect(
      creditRepairTerms({ decidedOn: '2026-12-06', amountFen: 5_000_000, sanctions: ['revoke'] }),
    ).toMatchObject({ creditClass: 'serious', minUntil: '2027-12-05', maxUntil: '2029-12-05' });
  });
});

describe('late-payment surcharge (行政处罚法 第七十二条)', () => {
  it('adds 3% of the fine per day overdue and never more than the fine', () => {
    expect(latePaymentSurchargeFen(1_000_000, '2026-12-06', '2026-12-06')).toEqual({
      days: 0,
      surchargeFen: 0,
    });
    expect(latePaymentSurchargeFen(1_000_000, '2026-12-06', '2026-12-08')).toEqual({
      days: 2,
      surchargeFen: 60_000,
    });
    expect(latePaymentSurchargeFen(1_000_000, '2026-12-06', '2027-03-01').surchargeFen).toBe(1_000_000);
  });
});
