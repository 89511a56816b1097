import type { z } from 'zod';
import {
  CASE_DOCUMENT_NAMES,
  CASE_DOCUMENT_SUBJECTS,
  CASE_DOCUMENT_TYPE_INFO,
  CASE_DOCUMENT_TYPES,
  REPEATABLE_CASE_DOCUMENTS,
  SEIZURE_KIND_NAMES,
  casePeriods,
  mayIssueCaseDocument,
  type CaseDocumentFacts,
  type CaseDocumentType,
} from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { allocateDocumentNumber } from '../../../platform/documents/numbering.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import { assertCan, type Actor } from '../../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../../platform/problems/problem.ts';
import type { ZCaseDocumentInputSchema } from '../model.ts';
import {
  findBureauOfTerritory,
  findCaseById,
  findCaseDocumentById,
  findEvidenceOf,
  findSeizuresOf,
  insertCaseDocument,
  listCaseDocumentsOf,
  type CaseDocumentRow,
  type CaseRow,
  type EvidenceRow,
  type SeizureRow,
} from '../repository.ts';
import { lockCase } from '../access.ts';
import { audit } from '../audit.ts';
import { periodsOf, procedureFacts, sanctionsOf } from '../case-facts.ts';
import { caseDocumentFileName, caseDocumentTitle, renderCaseDocument } from './render.ts';
import { fineDocumentFigures, type FineDocumentFigures } from '../performance/view.ts';
import { buildSnapshot, type CaseDocumentSnapshot } from './snapshot.ts';

// Issue 15 item 11: the documents of a penalty case. Staff who may read the case list and download them; an
// officer who may work on it issues them. Each gets the bureau's next number in the issuing transaction (gapless,
// platform/documents/numbering.ts) and a snapshot frozen then; a document that exists once per case or subject
// is given back, not numbered again. Every issue is audited in its transaction.

type CaseState = {
  row: CaseRow;
  evidence: EvidenceRow[];
  seizures: SeizureRow[];
  documents: CaseDocumentRow[];
  periods: ReturnType<typeof casePeriods>;
  today: string;
  // a served fine's figures today, with the approved 暂缓/分期 (issue 15 item 3)
  performance: FineDocumentFigures | null;
};

const loadState = async (db: Db | Tx, row: CaseRow, now: Date): Promise<CaseState> => {
  const periods = await periodsOf(db, row);
  return {
    row,
    evidence: await findEvidenceOf(db, row.id),
    seizures: await findSeizuresOf(db, row.id),
    documents: await listCaseDocumentsOf(db, row.id),
    periods,
    today: shanghaiDate(now),
    performance: await fineDocumentFigures(db, row, shanghaiDate(now)),
  };
};

const factsOf = (
  state: CaseState,
  subject: { evidence?: EvidenceRow | undefined; seizure?: SeizureRow | undefined },
): CaseDocumentFacts => ({
  status: state.row.status,
  proposalTier: state.row.proposalTier,
  decisionTier: state.row.decisionTier,
  decisionAmountFen: state.row.decisionAmountFen,
  hearingRight: procedureFacts(state.row).hearingRight,
  notifiedOn: state.row.notifiedOn,
  // the day the next unpaid amount falls due: an approved 暂缓/分期 moves it
  paymentDue: state.performance
    ? state.performance.dueOn
    : (state.periods.find((period) => period.code === 'payment_due')?.due ?? null),
  today: state.today,
  evidence: subject.evidence ? { kind: subject.evidence.kind } : undefined,
  seizure: subject.seizure
    ? { status: subject.seizure.status, extensionDays: subject.seizure.extensionDays }
    : undefined,
});

const existing = (state: CaseState, type: CaseDocumentType, subjectId: string | null) =>
  REPEATABLE_CASE_DOCUMENTS.includes(type)
    ? undefined
    : state.documents.find((doc) => doc.type === type && doc.subjectId === subjectId);

const snapshotOf = (row: CaseDocumentRow) => row.snapshot as CaseDocumentSnapshot;

export const toCaseDocument = (row: CaseDocumentRow) => ({
  id: row.id,
  caseId: row.caseId,
  type: row.type,
  title: caseDocumentTitle({ type: row.type, snapshot: snapshotOf(row) }),
  number: row.number,
  subjectId: row.subjectId,
  issuedAt: row.issuedAt.toISOString(),
  issuedByName: row.issuedByName,
});

// Every document the case may have now, per subject where it has several.
const availableOf = (state: CaseState) =>
  CASE_DOCUMENT_TYPES.flatMap((type) => {
    const kind = CASE_DOCUMENT_SUBJECTS[type];
    const subjects: {
      id: string | null;
      label: string | null;
      evidence?: EvidenceRow;
      seizure?: SeizureRow;
    }[] =
      kind === 'evidence'
        ? state.evidence.map((evidence) => ({
            id: evidence.id,
            label: evidence.description.slice(0, 40),
            evidence,
          }))
        : kind === 'seizure'
          ? state.seizures.map((seizure) => ({
              id: seizure.id,
              label:
                `${SEIZURE_KIND_NAMES[seizure.kind]}：${seizure.items.map((item) => item.name).join('、')}`.slice(
                  0,
                  60,
                ),
              seizure,
            }))
          : [{ id: null, label: null }];
    return subjects
      .filter((subject) => mayIssueCaseDocument(type, factsOf(state, subject)).ok)
      .map((subject) => ({
        type,
        typeName: CASE_DOCUMENT_NAMES[type],
        subjectId: subject.id,
        subjectLabel: subject.label,
        repeatable: REPEATABLE_CASE_DOCUMENTS.includes(type),
        issuedId: existing(state, type, subject.id)?.id ?? null,
      }));
  });

export const listCaseDocuments = async (ctx: AppContext, actor: Actor, caseId: string) => {
  if (!isUuid(caseId)) throw notFound('案件');
  const row = assertCan(actor, 'penalty_case', 'read', await findCaseById(ctx.db, caseId), '案件');
  const state = await loadState(ctx.db, row, ctx.clock.now());
  return {
    items: state.documents.map(toCaseDocument),
    available: availableOf(state),
    numberCodesVerified: CASE_DOCUMENT_TYPES.every((type) => CASE_DOCUMENT_TYPE_INFO[type].verified),
  };
};

export const issueCaseDocument = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZCaseDocumentInputSchema>,
): Promise<{ document: ReturnType<typeof toCaseDocument>; created: boolean }> => {
  const now = ctx.clock.now();
  if ((body.type === 'defence_record') !== Boolean(body.statement)) throw problem('CASE_DOCUMENT_STATEMENT');
  return ctx.db.transaction(async (tx) =>
    issueInTransaction(tx, actor, await lockCase(tx, actor, caseId, 'update'), body, now),
  );
};

// 两书同达 (measure 22): serving a decision records the 决定书 and, for a penalty, the 信用修复告知书 as numbered
// documents in the serving transaction, unless they were issued before (then those are the ones served).
export const issueServedDocuments = async (tx: Tx, actor: Actor, row: CaseRow, now: Date) => {
  const served = [await issueInTransaction(tx, actor, row, { type: 'penalty_decision' }, now)];
  if (row.decisionTier !== 'no_penalty')
    served.push(await issueInTransaction(tx, actor, row, { type: 'credit_repair_notice' }, now));
  return served.map((issued) => issued.document);
};

// One document of a case the caller has locked, in the caller's transaction.
const issueInTransaction = async (
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  body: z.infer<typeof ZCaseDocumentInputSchema>,
  now: Date,
): Promise<{ document: ReturnType<typeof toCaseDocument>; created: boolean }> => {
  const { type } = body;
  const state = await loadState(tx, row, now);
  const subjectId = body.subjectId ?? null;
  const kind = CASE_DOCUMENT_SUBJECTS[type];
  // a subject of another case, or of another kind, is not found: the id says nothing about other cases
  const evidence =
    kind === 'evidence' && subjectId ? state.evidence.find((e) => e.id === subjectId) : undefined;
  const seizure =
    kind === 'seizure' && subjectId ? state.seizures.find((s) => s.id === subjectId) : undefined;
  if (subjectId && !evidence && !seizure) throw notFound(kind === 'seizure' ? '查封、扣押' : '证据');
  const verdict = mayIssueCaseDocument(type, factsOf(state, { evidence, seizure }));
  if (!verdict.ok) throw refused(verdict);
  const already = existing(state, type, subjectId);
  if (already) return { document: toCaseDocument(already), created: false };
  const bureau = await findBureauOfTerritory(tx, row.territory);
  if (!bureau) throw problem('DOCUMENT_NO_ISSUING_BUREAU', { document: CASE_DOCUMENT_NAMES[type] });
  const numberOf = (of: CaseDocumentType, id: string | null) =>
    state.documents.find((doc) => doc.type === of && doc.subjectId === id)?.number ?? null;
  const snapshot = await buildSnapshot({
    db: tx,
    row,
    type,
    bureau,
    sanctions: sanctionsOf(row),
    periods: state.periods,
    hearingRight: procedureFacts(row).hearingRight,
    today: state.today,
    evidence: state.evidence,
    subjectEvidence: evidence,
    seizure,
    statement: body.statement,
    decisionNumber: numberOf('penalty_decision', null),
    seizureDecisionNumber: seizure ? numberOf('seizure_decision', seizure.id) : null,
    performance: state.performance,
  });
  const { year, sequence, number } = await allocateDocumentNumber(tx, { bureau, type, at: now });
  const document = await insertCaseDocument(tx, {
    caseId: row.id,
    territory: row.territory,
    organisationId: bureau.id,
    type,
    year,
    sequence,
    number,
    snapshot,
    subjectId,
    issuedAt: now,
    issuedByName: actor.displayName,
  });
  await audit(
    tx,
    actor,
    row,
    'penalty_case.document.issued',
    { documentId: document.id, type, number, subjectId },
    now,
  );
  return { document: toCaseDocument(document), created: true };
};

export const caseDocumentFile = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; data: Buffer }> => {
  if (!isUuid(id)) throw notFound('文书');
  const doc = await findCaseDocumentById(ctx.db, id);
  // the case decides who reads its documents; one outside the actor's scope is not found, like a missing one
  const row = doc ? await findCaseById(ctx.db, doc.caseId) : undefined;
  if (!doc || !row) throw notFound('文书');
  assertCan(actor, 'penalty_case', 'read', row, '文书');
  const renderable = {
    type: doc.type,
    number: doc.number,
    snapshot: snapshotOf(doc),
    issuedAt: doc.issuedAt,
  };
  return { fileName: caseDocumentFileName(renderable), data: await renderCaseDocument(renderable) };
};
