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

// Only the chained fields, picked by name: a stored row also carries its own hashes.
export const eventHash = (prevHash: string, event: ChainedFields): string =>
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
