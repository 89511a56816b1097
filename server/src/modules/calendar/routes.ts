import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { enterHolidayTable, listHolidayTables } from './holiday-tables.ts';
import {
  ZEnterHolidayTableSchema,
  ZEnteredHolidayTableSchema,
  ZHolidayTablesSchema,
  ZYearParamsSchema,
} from './model.ts';

const tags = ['calendar'];

export const calendarRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar/holiday-tables',
      {
        schema: {
          tags,
          summary: '各年度法定节假日安排（内置数据与法制审核人员录入的国务院通知）',
          response: { 200: ZHolidayTablesSchema },
        },
      },
      async (request) => listHolidayTables(ctx, requireActor(request)),
    );
    app.put(
      '/calendar/holiday-tables/:year',
      {
        schema: {
          tags,
          summary: '录入某年法定节假日安排（法制审核；按国务院办公厅通知），并重新计算暂算的整改期限',
          params: ZYearParamsSchema,
          body: ZEnterHolidayTableSchema,
          response: { 200: ZEnteredHolidayTableSchema },
        },
      },
      async (request) => enterHolidayTable(ctx, requireActor(request), request.params.year, request.body),
    );
  };
