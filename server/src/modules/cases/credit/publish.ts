import { creditRepairTerms, moneyText, violationByCode } from '@inspecta/domain';
import type { Tx } from '../../../platform/db/client.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { audit } from '../audit.ts';
import { findBureauOfTerritory, listCaseDocumentsOf, type CaseRow } from '../repository.ts';
import { sanctionsOf } from '../case-facts.ts';
import { insertPublication } from './repository.ts';

// Issue 15 item 10 (measure 22): a penalty decision is published when it is served (the party learns of it from
// the decision, not from the website), in the summary fields of the Guangdong 公示办法 第十三条: 文号, case, party
// type, facts, basis, decision, authority, date. Nothing personal is written: the party is the enterprise (a
// legal person), the facts and basis are the catalogue's words of the law, and no person is named. A decision
// without penalty is not published. Written once per case, in the serving transaction, audited.

export const publishDecision = async (tx: Tx, actor: Actor, row: CaseRow, servedOn: string, now: Date) => {
  if (!row.decisionTier || row.decisionTier === 'no_penalty' || !row.decidedOn) return undefined;
  const violation = row.violationCode ? violationByCode(row.violationCode) : undefined;
  const bureau = await findBureauOfTerritory(tx, row.territory);
  const decisionDocument = (await listCaseDocumentsOf(tx, row.id)).find(
    (doc) => doc.type === 'penalty_decision',
  );
  const terms = creditRepairTerms({
    decidedOn: row.decidedOn,
    amountFen: row.decisionAmountFen,
    sanctions: sanctionsOf(row),
  });
  const publication = await insertPublication(tx, {
    caseId: row.id,
    territory: row.territory,
    enterpriseId: row.enterpriseId,
    documentNumber: decisionDocument?.number ?? `案件 ${row.reference}`,
    caseName: violation ? `${violation.violation.replace(/的$/, '')}案` : '安全生产违法案',
    partyType: '法人或者其他组织',
    partyName: row.enterpriseName,
    facts: violation ? `${violation.violation.replace(/的$/, '')}。` : '违反安全生产法律、法规的行为。',
    basis: violation?.source ?? '',
    decision: row.decisionAmountFen ? `罚款${moneyText(row.decisionAmountFen)}` : '警告',
    authority: bureau?.name ?? '',
    decidedOn: row.decidedOn,
    publishedOn: servedOn,
    creditClass: terms.creditClass,
    minUntil: terms.minUntil,
    maxUntil: terms.maxUntil,
    createdAt: now,
  });
  if (publication)
    await audit(
      tx,
      actor,
      row,
      'penalty_case.published',
      { publicationId: publication.id, publishedOn: servedOn, creditClass: terms.creditClass },
      now,
    );
  return publication;
};
