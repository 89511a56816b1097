import { z } from 'zod';
import {
  AGGRAVATING_CIRCUMSTANCES,
  CIRCUMSTANCE_NAMES,
  CIRCUMSTANCES,
  PARTY_NAMES,
  PENALTY_STAGE_NAMES,
  SANCTION_NAMES,
  discretionCatalog,
  noPenaltyCatalog,
  penaltyCatalogUnverified,
  violationCatalog,
} from '@inspecta/domain';
import { assertMayUse, type Actor } from '../../platform/policy/policy.ts';

// The legal reviewer's view of the catalogue: each violation with its fines and sources, the tiers and lists, and
// every entry still 待法制审核.
const ZFineViewSchema = z.object({ text: z.string() });

export const ZPenaltyCatalogViewSchema = z.object({
  versions: z.object({ violations: z.string(), discretion: z.string(), noPenalty: z.string() }),
  circumstances: z.array(
    z.object({ code: z.enum(CIRCUMSTANCES), name: z.string(), aggravating: z.boolean() }),
  ),
  violations: z.array(
    z.object({
      code: z.string(),
      law: z.string(),
      provision: z.string(),
      violation: z.string(),
      penaltyText: z.string(),
      source: z.string(),
      effective: z.string(),
      verified: z.boolean(),
      penalties: z.array(
        z.object({
          stage: z.string(),
          party: z.string(),
          fines: z.array(ZFineViewSchema),
          sanctions: z.array(z.string()),
        }),
      ),
    }),
  ),
  schemes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      bands: z.array(
        z.object({
          tier: z.string(),
          fromPercent: z.number(),
          toPercent: z.number(),
          pointPercent: z.number(),
        }),
      ),
      source: z.string(),
      verified: z.boolean(),
    }),
  ),
  noPenaltyGrounds: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['must', 'may']),
      source: z.string(),
      verified: z.boolean(),
    }),
  ),
  noPenaltyLists: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      document: z.string(),
      verified: z.boolean(),
      items: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          placeholder: z.boolean(),
          verified: z.boolean(),
          violationCodes: z.array(z.string()),
        }),
      ),
    }),
  ),
  unverified: z.array(
    z.object({
      catalog: z.string(),
      code: z.string(),
      name: z.string(),
      source: z.string(),
      placeholder: z.boolean(),
    }),
  ),
});

const yuan = (fen: number): string => `${(fen / 100).toLocaleString('zh-CN')}元`;

export const penaltyCatalogView = (actor: Actor): z.infer<typeof ZPenaltyCatalogViewSchema> => {
  assertMayUse(actor, 'catalog', 'read');
  const lawTitle = new Map(violationCatalog.laws.map((law) => [law.code, `《${law.title}》`]));
  return {
    versions: {
      violations: violationCatalog.version,
      discretion: discretionCatalog.version,
      noPenalty: noPenaltyCatalog.version,
    },
    circumstances: CIRCUMSTANCES.map((code) => ({
      code,
      name: CIRCUMSTANCE_NAMES[code],
      aggravating: (AGGRAVATING_CIRCUMSTANCES as readonly string[]).includes(code),
    })),
    violations: violationCatalog.entries.map((entry) => ({
      code: entry.code,
      law: lawTitle.get(entry.lawCode) ?? entry.lawCode,
      provision: entry.provision,
      violation: entry.violation,
      penaltyText: entry.penaltyText,
      source: entry.source,
      effective: entry.effective,
      verified: entry.verified,
      penalties: entry.penalties.map((row) => ({
        stage: PENALTY_STAGE_NAMES[row.stage],
        party: PARTY_NAMES[row.party],
        fines: row.fines.map((fine) => ({
          text:
            fine.kind === 'range'
              ? `${yuan(fine.minFen)}以上${yuan(fine.maxFen)}以下${fine.condition ? `（${fine.condition}）` : ''}`
              : fine.kind === 'up_to'
                ? `${yuan(fine.maxFen)}以下`
                : fine.kind === 'income_share'
                  ? fine.minPercent === fine.maxPercent
                    ? `上一年年收入百分之${fine.minPercent}`
                    : `上一年年收入百分之${fine.minPercent}至百分之${fine.maxPercent}`
                  : `违法所得${fine.minMultiple}倍以上${fine.maxMultiple}倍以下（违法所得${yuan(fine.appliesFromGainFen)}以上）`,
        })),
        sanctions: row.sanctions.map((sanction) => SANCTION_NAMES[sanction]),
      })),
    })),
    schemes: discretionCatalog.schemes.map((scheme) => ({
      code: scheme.code,
      name: scheme.name,
      bands: scheme.bands,
      source: scheme.source,
      verified: scheme.verified,
    })),
    noPenaltyGrounds: noPenaltyCatalog.grounds.map((ground) => ({
      code: ground.code,
      name: ground.name,
      kind: ground.kind,
      source: ground.source,
      verified: ground.verified,
    })),
    noPenaltyLists: noPenaltyCatalog.lists.map((list) => ({
      code: list.code,
      name: list.name,
      document: list.document,
      verified: list.verified,
      items: list.items.map((item) => ({
        code: item.code,
        name: item.name,
        placeholder: item.placeholder,
        verified: item.verified,
        violationCodes: item.violationCodes,
      })),
    })),
    unverified: penaltyCatalogUnverified(),
  };
};
