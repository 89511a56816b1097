import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isWithinTerritory, planningCatalog, territories } from '@inspecta/domain';
import { industries, inspectionMatters } from './catalog.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';

const tags = ['catalog'];
const ZEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string().optional(),
  source: z.string(),
  effective: z.string(),
  verified: z.boolean(),
});

export const catalogRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/territories',
      {
        schema: {
          tags,
          summary: '当前用户可见的行政区划',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  level: z.enum(['province', 'city', 'county']),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return {
          items: territories
            .filter((t) => isWithinTerritory(actor.territory, t.code))
            .map((t) => ({ code: t.code, name: t.name, level: t.level })),
        };
      },
    );
    app.get(
      '/catalog/industries',
      {
        schema: { tags, summary: '行业目录', response: { 200: z.object({ items: z.array(ZEntrySchema) }) } },
      },
      async () => ({ items: industries() }),
    );
    app.get(
      '/catalog/planning',
      {
        schema: {
          tags,
          summary: '年度计划编制目录：其他执法工作日与非执法工作日类别（措施一）',
          response: {
            200: z.object({
              version: z.string(),
              otherEnforcementCategories: z.array(ZEntrySchema.omit({ group: true })),
              nonEnforcementCategories: z.array(ZEntrySchema.omit({ group: true })),
            }),
          },
        },
      },
      async (request) => {
        requireActor(request);
        const pick = (
          entries: readonly {
            code: string;
            name: string;
            source: string;
            effective: string;
            verified: boolean;
          }[],
        ) =>
          entries.map(({ code, name, source, effective, verified }) => ({
            code,
            name,
            source,
            effective,
            verified,
          }));
        return {
          version: planningCatalog.version,
          otherEnforcementCategories: pick(planningCatalog.otherEnforcementCategories),
          nonEnforcementCategories: pick(planningCatalog.nonEnforcementCategories),
        };
      },
    );
    app.get(
      '/catalog/inspection-matters',
      {
        schema: {
          tags,
          summary: '检查事项目录',
          response: { 200: z.object({ items: z.array(ZEntrySchema) }) },
        },
      },
      async () => ({ items: inspectionMatters() }),
    );
  };
