import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './platform/http/context.ts';
import { installAuthentication, sessionCookie } from './platform/auth/authenticate.ts';
import { apiNotFound, installErrorHandling } from './platform/http/errors.ts';
import { installInputGuard } from './platform/http/input-guard.ts';
import { installReadRouting } from './platform/http/read-routing.ts';
import type { ReadRouting } from './platform/db/replica.ts';
import { installOriginGuard } from './platform/http/origin-guard.ts';
import { apiSecurity, describeApi, describeRoute } from './platform/http/openapi.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { unauthorised } from './platform/problems/problem.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { healthRoutes } from './platform/health/routes.ts';
import { catalogRoutes } from './modules/catalog/index.ts';
import { calendarRoutes } from './modules/calendar/index.ts';
import { enterpriseRoutes } from './modules/enterprises/index.ts';
import { organisationRoutes } from './modules/organisations/index.ts';
import { officerRoutes } from './modules/officers/index.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import {
  gradingRoutes,
  keyStatusesOfNew,
  regradeEnterprise,
  regradeEnterprises,
} from './modules/grading/index.ts';
import { guideListRoutes } from './modules/guide-lists/index.ts';
import { notificationRoutes } from './platform/notifications/routes.ts';
import { planRoutes } from './modules/plans/index.ts';
import { inspectionRoutes } from './modules/inspections/index.ts';
import { drawRoutes } from './modules/draws/index.ts';
import { onsitePlanRoutes } from './modules/inspections/index.ts';
import { documentRoutes } from './modules/inspections/index.ts';
import { rectificationRoutes } from './modules/inspections/index.ts';
import { recordRoutes } from './modules/inspections/index.ts';
import { caseReferralRoutes } from './modules/inspections/index.ts';
import { monitoringRoutes, patrolRoutes, type StreamTiming } from './modules/monitoring/index.ts';
import { expertRoutes } from './modules/experts/index.ts';
import { teamRoutes } from './modules/team/index.ts';
import { caseRoutes, creditRoutes } from './modules/cases/index.ts';
import { workbenchRoutes } from './modules/workbench/index.ts';
import { disclosureRoutes } from './modules/disclosure/index.ts';
import { openDayRoutes } from './modules/open-days/index.ts';
import { reportRoutes } from './modules/reports/index.ts';
import { supervisionRoutes } from './modules/supervision/index.ts';
import { accountabilityRoutes } from './modules/accountability/index.ts';

z.config(z.locales.zhCN());

export type BuildAppOptions = {
  ctx: AppContext;
  sessionSecret: string;
  secureCookie?: boolean;
  logger?: boolean;
  // where the log lines go instead of stdout (a test reads them: no reporter's identity is ever logged)
  logStream?: { write: (line: string) => void };
  webDist?: string | null;
  trustProxy?: boolean;
  // production: the API's documentation (/api/docs, /api/openapi.json) only for a logged-in user
  docsNeedLogin?: boolean;
  // origins besides the app's own from which a browser may send a write (PUBLIC_ORIGIN)
  allowedOrigins?: string[];
  // the officers' incident stream's heartbeat, re-read and lifetime (tests shorten them)
  incidentStreamTiming?: Partial<StreamTiming>;
  // issue 18 item 6: with a streaming replica, the routes marked readsMayLag read from it (ctx.db is routing.db)
  readRouting?: ReadRouting;
};

export const jsonBodyLimit = 1024 * 1024;
export const uploadLimit = 10 * 1024 * 1024;

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

// A proxy's or client's x-request-id is kept when it is sane (short, printable, no separators a log parser
// would trip on); otherwise the server makes one.
const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;
export const requestIdOf = (request: { headers: Record<string, string | string[] | undefined> }): string => {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && saneRequestId.test(incoming) ? incoming : crypto.randomUUID();
};

export const buildApp = async (options: BuildAppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logStream
      ? { level: 'info', stream: options.logStream }
      : options.logger
        ? { level: 'info' }
        : false,
    bodyLimit: jsonBodyLimit,
    trustProxy: options.trustProxy ?? false,
    genReqId: requestIdOf,
    // a check-in code (亮码入企) is a signed token in the path, a few hundred characters long
    routerOptions: { maxParamLength: 4000 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installSecurityHeaders(app);
  // the id every log line of the request carries, returned so a user can quote it (and in problem bodies)
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // issue 11 item 13: the server's clock, so the web proposes "today" and "next month" by the day the
    // server counts deadlines by, whatever the computer's own clock says
    reply.header('x-server-time', options.ctx.clock.now().toISOString());
  });

  // issue 14 item 6: a field officer on a slow link gets every compressible answer (assets, JSON) in br or gzip;
  // brotli at a middle quality, as the app's assets are compressed on the fly
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  installOriginGuard(app, options.allowedOrigins);
  await app.register(cookie, { secret: options.sessionSecret });
  await app.register(multipart, { limits: { fileSize: uploadLimit, files: 1, fields: 10 } });
  installAuthentication(app, options.ctx);
  installInputGuard(app);
  if (options.readRouting) installReadRouting(app, options.readRouting, options.secureCookie ?? false);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Inspecta 涉企行政检查规范化平台 API', version: options.ctx.version },
      servers: [{ url: '/' }],
      ...apiSecurity(sessionCookie),
    },
    transform: describeRoute,
    transformObject: describeApi,
  });
  const docsGate = async (request: { actor: unknown }) => {
    if (options.docsNeedLogin && !request.actor) throw unauthorised();
  };
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: {
      onRequest: (request, _reply, done) => {
        docsGate(request).then(() => done(), done);
      },
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, onRequest: docsGate }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(healthRoutes(options.ctx));
      await api.register(authRoutes(options.ctx, options.secureCookie ?? false));
      await api.register(catalogRoutes(options.ctx));
      await api.register(
        enterpriseRoutes(options.ctx, regradeEnterprise, regradeEnterprises, keyStatusesOfNew),
      );
      await api.register(organisationRoutes(options.ctx));
      await api.register(officerRoutes(options.ctx));
      await api.register(auditRoutes(options.ctx));
      await api.register(gradingRoutes(options.ctx));
      await api.register(guideListRoutes(options.ctx));
      await api.register(notificationRoutes(options.ctx));
      await api.register(planRoutes(options.ctx));
      await api.register(inspectionRoutes(options.ctx));
      await api.register(drawRoutes(options.ctx));
      await api.register(onsitePlanRoutes(options.ctx));
      await api.register(documentRoutes(options.ctx));
      await api.register(rectificationRoutes(options.ctx));
      await api.register(recordRoutes(options.ctx));
      await api.register(caseReferralRoutes(options.ctx));
      await api.register(caseRoutes(options.ctx));
      await api.register(creditRoutes(options.ctx));
      await api.register(calendarRoutes(options.ctx));
      await api.register(monitoringRoutes(options.ctx, { streamTiming: options.incidentStreamTiming }));
      await api.register(patrolRoutes(options.ctx));
      await api.register(reportRoutes(options.ctx));
      await api.register(workbenchRoutes(options.ctx));
      await api.register(disclosureRoutes(options.ctx));
      await api.register(openDayRoutes(options.ctx));
      await api.register(supervisionRoutes(options.ctx));
      await api.register(accountabilityRoutes(options.ctx));
      await api.register(expertRoutes(options.ctx));
      await api.register(teamRoutes(options.ctx));
    },
    { prefix: '/api/v1' },
  );

  const webDist = options.webDist === undefined ? defaultWebDist : options.webDist;
  const hasWeb = webDist !== null && fs.existsSync(path.join(webDist, 'index.html'));
  // Files are looked up per request, so a rebuilt web app is served without a restart; a missing file
  // falls through to the not-found handler below.
  // The bundler names assets by their content's hash: cached for a year and never revalidated. Everything
  // else (index.html, the service worker, the favicon) is revalidated on each visit, so a release shows at once.
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const hashed = path.relative(webDist, filePath).startsWith(`assets${path.sep}`);
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET' || !hasWeb) return apiNotFound(reply);
    // The single-page app owns every other path; its router shows its own not-found page.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
};
