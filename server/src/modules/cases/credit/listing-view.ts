import {
  LISTING_RECOMMENDATION_NAMES,
  LISTING_STATUS_NAMES,
  caseProcedureCatalog,
  listingPeriod,
} from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { findListingOfCase, type ListingRow } from './repository.ts';

// 令第11号 as the case shows it: the bureau's answer to a proposed listing, with the period and its source.

export const listingView = (row: ListingRow) => {
  const period = row.listedOn ? listingPeriod(row.listedOn) : null;
  // the listing period's source and mark, as the catalogue holds them
  const rules = caseProcedureCatalog.seriousDishonesty;
  return {
    id: row.id,
    criterion: row.criterion,
    recommendation: row.recommendation,
    recommendationName: LISTING_RECOMMENDATION_NAMES[row.recommendation],
    reason: row.reason,
    status: row.status,
    statusName: LISTING_STATUS_NAMES[row.status],
    recommendedByName: row.recommendedByName,
    decidedByName: row.decidedByName,
    decisionNote: row.decisionNote,
    listedOn: row.listedOn,
    endsOn: row.endsOn,
    earlyRemovalFrom: period?.earlyRemovalFrom ?? null,
    removedOn: row.removedOn,
    removalReason: row.removalReason,
    removedByName: row.removedByName,
    periodSource: rules.source,
    periodVerified: rules.verified,
  };
};

export const listingOfCase = async (db: Db | Tx, caseId: string) => {
  const row = await findListingOfCase(db, caseId);
  return row ? listingView(row) : null;
};
