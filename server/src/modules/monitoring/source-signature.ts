import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { canonicalRequest, isFreshTimestamp, monitoringCatalog } from '@inspecta/domain/monitoring';
import type { AppContext } from '../../platform/http/context.ts';
import { problem } from '../../platform/problems/problem.ts';
import { findSource, type SourceRow } from './repository.ts';

// Issue 16 item 1: each source signs its requests with its own key, HMAC-SHA256 over the method, the path, the
// timestamp and the body's SHA-256 (domain/monitoring/signature.ts), hex, in three headers. An unknown source
// and a wrong signature get the same answer, so sources cannot be enumerated.

export const SOURCE_HEADER = 'x-inspecta-source';
export const TIMESTAMP_HEADER = 'x-inspecta-timestamp';
export const SIGNATURE_HEADER = 'x-inspecta-signature';

export const newSigningKey = (): string => randomBytes(32).toString('hex');

export const signRequest = (
  key: string,
  request: { method: string; path: string; timestamp: string; body: Buffer | string },
) =>
  createHmac('sha256', key)
    .update(
      canonicalRequest({
        method: request.method,
        path: request.path,
        timestamp: request.timestamp,
        bodySha256: createHash('sha256').update(request.body).digest('hex'),
      }),
    )
    .digest('hex');

const header = (request: FastifyRequest, name: string): string =>
  typeof request.headers[name] === 'string' ? (request.headers[name] as string) : '';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const verifySourceRequest = async (
  ctx: AppContext,
  request: FastifyRequest,
  rawBody: Buffer,
): Promise<SourceRow> => {
  const sourceId = header(request, SOURCE_HEADER);
  const timestamp = header(request, TIMESTAMP_HEADER);
  const signature = header(request, SIGNATURE_HEADER);
  if (!isFreshTimestamp(timestamp, ctx.clock.now(), monitoringCatalog.signature.maxSkewSeconds))
    throw problem('MONITORING_STALE_REQUEST', { seconds: monitoringCatalog.signature.maxSkewSeconds });
  const source = uuidPattern.test(sourceId) ? await findSource(ctx.db, sourceId) : undefined;
  const path = request.url.split('?')[0]!;
  const expected = Buffer.from(
    signRequest(source?.signingKey ?? 'no-such-source', {
      method: request.method,
      path,
      timestamp,
      body: rawBody,
    }),
    'hex',
  );
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(32);
  if (!source || source.active !== 1 || !timingSafeEqual(expected, given))
    throw problem('MONITORING_SIGNATURE_INVALID');
  return source;
};
