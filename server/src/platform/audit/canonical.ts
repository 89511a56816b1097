import { createHash } from 'node:crypto';

// Deterministic JSON: keys sorted at every level, so a jsonb round trip hashes the same.
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const genesisHash = '0'.repeat(64);

export type ChainedFields = {
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  territory: string;
  payload: unknown;
};

// The chain of the events written before chains were per bureau; they keep the hash they were written with.
export const legacyChain = 'global';

// Only the chained fields, picked by name: a stored row also carries its own hashes. The first form, for the
// legacy chain, where `seq` was the chain's own gapless number.
export const legacyEventHash = (prevHash: string, event: ChainedFields): string =>
  sha256Hex(
    `${prevHash}\n${canonicalJson({
      seq: event.seq,
      id: event.id,
      at: event.at.toISOString(),
      actorId: event.actorId,
      actorName: event.actorName,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      territory: event.territory,
      payload: canonicalJson(event.payload),
    })}`,
  );

// The per-bureau form: the previous hash, the event's place in its chain, then the event itself. The database
// computes it while it allocates the place (one statement, see appendAuditEvent), from the body made here.
export const chainedBody = (event: Omit<ChainedFields, 'seq'> & { chain: string }): string =>
  canonicalJson({
    chain: event.chain,
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName: event.actorName,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    territory: event.territory,
    payload: canonicalJson(event.payload),
  });

export const chainedHash = (prevHash: string, chainSeq: number, body: string): string =>
  sha256Hex(`${prevHash}\n${chainSeq}\n${body}`);

export const eventHash = (
  prevHash: string,
  event: ChainedFields & { chain: string; chainSeq: number },
): string =>
  event.chain === legacyChain
    ? legacyEventHash(prevHash, event)
    : chainedHash(prevHash, event.chainSeq, chainedBody(event));
