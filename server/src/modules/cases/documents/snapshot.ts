import {
  CASE_SOURCE_NAMES,
  RELEASE_GROUND_NAMES,
  SEIZURE_BASIS_LAW,
  SEIZURE_KIND_NAMES,
  SEIZURE_PERIOD_LAW,
  SEIZURE_RELEASE_LAW,
  TIER_NAMES,
  creditRepairTerms,
  latePaymentSurchargeFen,
  remedyNotice,
  violationByCode,
  type CaseDocumentType,
  type CasePeriod,
  type CreditRepairTerms,
  type ProposalReason,
  type Sanction,
  type SeizureItem,
} from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { partiesForDocument, type EnterpriseLine, type OfficerLine } from '../../inspections/index.ts';
import type { CaseRow, EvidenceRow, SeizureRow } from '../repository.ts';
import type { FineDocumentFigures } from '../performance/view.ts';
import { EVIDENCE_KIND_NAMES } from './names.ts';

// Issue 15 item 11: what a case document says, frozen when it is issued. Every document carries the case's
// common part; each type adds its own, read from the case's rows at that moment and never again.

export type CaseDocumentSnapshot = {
  bureauName: string;
  reference: string;
  source: string;
  enterprise: EnterpriseLine;
  summary: string;
  violation: { violation: string; provision: string; penaltyText: string; source: string } | null;
  committedOn: string | null;
  openedOn: string;
  openedByName: string;
  officers: OfficerLine[];
  // the way to challenge a decision (行政复议、行政诉讼), from the catalogue, on the decisions
  remedy?: string;
  proposal?: {
    tierName: string;
    amountFen: number | null;
    reasons: ProposalReason[];
    noPenaltyGround: string | null;
    draftedByName: string | null;
    reviewedByName: string | null;
    reviewNote: string | null;
  };
  decision?: {
    tierName: string;
    noPenalty: boolean;
    amountFen: number | null;
    decidedOn: string;
    decidedByName: string | null;
    legalGround: string | null;
    departureReason: string | null;
    sanctions: string[];
  };
  evidence?: { kind: string; description: string; recordedByName: string; recordedAt: string }[];
  inquiry?: { description: string; recordedByName: string; recordedAt: string };
  statement?: { statedBy: string; text: string; reply: string };
  notice?: { defenceDue: string | null; hearingRequestDue: string | null; hearingRight: boolean };
  credit?: CreditRepairTerms & { decisionNumber: string | null };
  payment?: {
    fineFen: number;
    servedOn: string;
    paymentDue: string;
    overdueDays: number;
    surchargeFen: number;
    decisionNumber: string | null;
    // issue 15 item 3: paid so far, overdue and outstanding, and the approved 暂缓/分期 with its due days
    paidFen?: number;
    overdueFen?: number;
    outstandingFen?: number;
    arrangement?: {
      kindName: string;
      kind: 'deferral' | 'instalment';
      schedule: { dueOn: string; amountFen: number; coveredFen: number }[];
    } | null;
  };
  seizure?: {
    kind: string;
    items: SeizureItem[];
    reason: string;
    basis: string;
    periodLaw: string;
    startedOn: string | null;
    dueOn: string | null;
    decidedByName: string | null;
    extensionDays: number;
    extensionReason: string | null;
    extensionDecidedByName: string | null;
    releasedOn: string | null;
    releaseGround: string | null;
    releaseLaw: string;
    releaseNote: string | null;
    decisionNumber: string | null;
  };
  closing?: {
    closedOn: string | null;
    servedOn: string | null;
    creditRepairNoticeServed: boolean;
    criminalReferralNote: string | null;
    observationFollowUpOn: string | null;
  };
};

export type SnapshotSources = {
  db: Db | Tx;
  row: CaseRow;
  type: CaseDocumentType;
  bureau: { name: string; territory: string };
  sanctions: Sanction[];
  periods: CasePeriod[];
  hearingRight: boolean;
  today: string;
  evidence: EvidenceRow[];
  subjectEvidence?: EvidenceRow | undefined;
  seizure?: SeizureRow | undefined;
  statement?: { statedBy: string; text: string; reply: string } | undefined;
  // the numbers of documents this one refers to (the decision a credit notice or reminder follows)
  decisionNumber: string | null;
  seizureDecisionNumber: string | null;
  performance?: FineDocumentFigures | null;
};

const dueOf = (periods: CasePeriod[], code: string) =>
  periods.find((period) => period.code === code)?.due ?? null;

const REMEDY_OF: Partial<Record<CaseDocumentType, { document: string; documentTitle: string }>> = {
  penalty_decision: { document: '决定', documentTitle: '决定书' },
  seizure_decision: { document: '决定', documentTitle: '决定书' },
  seizure_extension_decision: { document: '决定', documentTitle: '决定书' },
};

export const buildSnapshot = async (s: SnapshotSources): Promise<CaseDocumentSnapshot> => {
  const { row, type } = s;
  const violation = row.violationCode ? violationByCode(row.violationCode) : undefined;
  const remedyFor = REMEDY_OF[type];
  // the officers of the inspection the case came from sign its documents; a case without one leaves the lines
  // blank for the officers who sign on paper
  const parties = await partiesForDocument(s.db, {
    enterpriseId: row.enterpriseId,
    inspectionId: row.inspectionId,
  });
  const snapshot: CaseDocumentSnapshot = {
    bureauName: s.bureau.name,
    reference: row.reference,
    source: CASE_SOURCE_NAMES[row.source],
    enterprise: parties.enterprise ?? {
      name: row.enterpriseName,
      creditCode: '',
      address: '',
      legalRepresentative: '',
    },
    summary: row.summary,
    violation: violation
      ? {
          violation: violation.violation,
          provision: violation.provision,
          penaltyText: violation.penaltyText,
          source: violation.source,
        }
      : null,
    committedOn: row.committedOn,
    openedOn: row.openedOn,
    openedByName: row.openedByName,
    officers: parties.officers,
    ...(remedyFor ? { remedy: remedyNotice({ territory: s.bureau.territory, ...remedyFor }).text } : {}),
  };
  if (row.proposal)
    snapshot.proposal = {
      tierName: row.proposal.tierName,
      amountFen: row.proposalAmountFen,
      reasons: row.proposal.reasons,
      // the basis in the law's words and, where the proposal rests on one, the list item it cites
      noPenaltyGround: row.proposal.noPenalty
        ? `依据${row.proposal.noPenalty.basis}${
            row.proposal.noPenalty.listItem
              ? `及${row.proposal.noPenalty.listItem.document}“${row.proposal.noPenalty.listItem.name}”`
              : ''
          }`
        : null,
      draftedByName: row.proposalDraftedByName,
      reviewedByName: row.reviewedByName,
      reviewNote: row.reviewNote,
    };
  if (row.decisionTier && row.decidedOn)
    snapshot.decision = {
      tierName: TIER_NAMES[row.decisionTier],
      noPenalty: row.decisionTier === 'no_penalty',
      amountFen: row.decisionAmountFen,
      decidedOn: row.decidedOn,
      decidedByName: row.decidedByName,
      legalGround: row.legalGround,
      departureReason: row.departureReason,
      sanctions: violation
        ? violation.penalties
            .filter((penalty) => penalty.stage === 'initial' && penalty.party === 'entity')
            .flatMap((penalty) => penalty.sanctions)
            .filter((sanction) => sanction !== 'order_correction')
            .map(String)
        : [],
    };
  switch (type) {
    case 'case_filing_approval':
    case 'case_closing_approval':
    case 'penalty_decision':
      snapshot.evidence = s.evidence.map((item) => ({
        kind: EVIDENCE_KIND_NAMES[item.kind],
        description: item.description,
        recordedByName: item.recordedByName,
        recordedAt: item.recordedAt.toISOString(),
      }));
      break;
    case 'inquiry_record':
      if (s.subjectEvidence)
        snapshot.inquiry = {
          description: s.subjectEvidence.description,
          recordedByName: s.subjectEvidence.recordedByName,
          recordedAt: s.subjectEvidence.recordedAt.toISOString(),
        };
      break;
    case 'penalty_notice':
    case 'hearing_notice':
      snapshot.notice = {
        defenceDue: dueOf(s.periods, 'defence_due'),
        hearingRequestDue: dueOf(s.periods, 'hearing_request_due'),
        hearingRight: s.hearingRight,
      };
      break;
    case 'defence_record':
      if (s.statement) snapshot.statement = s.statement;
      break;
    case 'credit_repair_notice':
      snapshot.credit = {
        ...creditRepairTerms({
          decidedOn: row.decidedOn ?? s.today,
          amountFen: row.decisionAmountFen,
          sanctions: s.sanctions,
        }),
        decisionNumber: s.decisionNumber,
      };
      break;
    case 'fine_reminder': {
      const fineFen = row.decisionAmountFen ?? 0;
      const figures = s.performance;
      if (figures) {
        snapshot.payment = {
          fineFen,
          servedOn: row.servedOn ?? s.today,
          paymentDue: figures.dueOn ?? figures.finalDueOn,
          overdueDays: figures.surchargeDays,
          surchargeFen: figures.surchargeFen,
          decisionNumber: s.decisionNumber,
          paidFen: figures.paidFen,
          overdueFen: figures.overdueFen,
          outstandingFen: figures.outstandingFen,
          arrangement: figures.arrangement
            ? {
                kind: figures.arrangement.kind,
                kindName: figures.arrangement.kindName,
                schedule: figures.schedule,
              }
            : null,
        };
        break;
      }
      const paymentDue = dueOf(s.periods, 'payment_due') ?? s.today;
      const late = latePaymentSurchargeFen(fineFen, paymentDue, s.today);
      snapshot.payment = {
        fineFen,
        servedOn: row.servedOn ?? s.today,
        paymentDue,
        overdueDays: late.days,
        surchargeFen: late.surchargeFen,
        decisionNumber: s.decisionNumber,
      };
      break;
    }
    case 'seizure_decision':
    case 'seizure_extension_decision':
    case 'seizure_release_decision':
      if (s.seizure)
        snapshot.seizure = {
          kind: SEIZURE_KIND_NAMES[s.seizure.kind],
          items: s.seizure.items,
          reason: s.seizure.reason,
          basis: SEIZURE_BASIS_LAW,
          periodLaw: SEIZURE_PERIOD_LAW,
          startedOn: s.seizure.startedOn,
          dueOn: s.seizure.dueOn,
          decidedByName: s.seizure.decidedByName,
          extensionDays: s.seizure.extensionDays,
          extensionReason: s.seizure.extensionReason,
          extensionDecidedByName: s.seizure.extensionDecidedByName,
          releasedOn: s.seizure.releasedOn,
          releaseGround: s.seizure.releaseGround ? RELEASE_GROUND_NAMES[s.seizure.releaseGround] : null,
          releaseLaw: SEIZURE_RELEASE_LAW,
          releaseNote: s.seizure.releaseNote,
          decisionNumber: s.seizureDecisionNumber,
        };
      break;
  }
  if (type === 'case_closing_approval')
    snapshot.closing = {
      closedOn: row.closedOn,
      servedOn: row.servedOn,
      creditRepairNoticeServed: row.creditRepairNoticeServed,
      criminalReferralNote: row.criminalReferralNote,
      observationFollowUpOn: row.observationFollowUpOn,
    };
  return snapshot;
};
