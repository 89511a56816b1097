import { z } from 'zod';

export const ZArriveSchema = z
  .strictObject({
    location: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        accuracy: z.number().min(0).max(100_000).nullish(),
      })
      .nullish(),
  })
  .nullish();

export const ZRatingSchema = z.strictObject({
  score: z.number().int().min(1, '评分为 1 至 5 分').max(5, '评分为 1 至 5 分'),
  comment: z.string().trim().max(500).optional(),
});

export const ZTokenParamsSchema = z.object({ token: z.string().min(10).max(4000) });

export const ZPublicCheckInSchema = z.object({
  valid: z.boolean(),
  reason: z.string().nullable(),
  inspection: z
    .object({
      id: z.uuid(),
      enterpriseName: z.string(),
      creditCode: z.string(),
      bureau: z.string(),
      scheduledAt: z.string(),
      expiresOn: z.string(),
      expired: z.boolean(),
      stage: z.string(),
      stageName: z.string(),
      checkedInAt: z.string().nullable(),
      cancelled: z.boolean(),
      officers: z.array(
        z.object({
          name: z.string(),
          certificate: z.string(),
          // measure 6: the department the officer comes from, and whether it is a partner department of a
          // joint inspection rather than the inspecting bureau
          organisationName: z.string(),
          partner: z.boolean(),
          issuingAuthority: z.string().nullable(),
          validTo: z.string().nullable(),
          validToday: z.boolean(),
        }),
      ),
      matters: z.array(z.object({ code: z.string(), name: z.string(), basis: z.string() })),
      unannounced: z.boolean(),
      site: z.string().nullable(),
      rated: z.boolean(),
      ownEnterprise: z.boolean(),
      ratable: z.boolean(),
    })
    .nullable(),
});

export const ZSigningKeySchema = z.object({
  id: z.string(),
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
  organisationId: z.string().nullable(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});

export const ZRatingStatisticsSchema = z.object({
  byUnit: z.array(z.object({ organisationName: z.string(), ratings: z.number().int(), average: z.number() })),
  byOfficer: z.array(z.object({ certificate: z.string(), ratings: z.number().int(), average: z.number() })),
  comments: z.array(z.object({ month: z.string(), score: z.number().int(), comment: z.string().nullable() })),
});
