// 亮码入企 (issue 5 item 4): the code is `base64url(JSON payload).base64url(Ed25519 signature)`, signed by the
// bureau's key over the first part's ASCII (server/src/onsite/checkin-code.ts). The browser checks it itself with
// WebCrypto against the public keys it keeps in localStorage, so the verdict shows without network too.

export type CheckInPayload = {
  v: 1;
  k: string;
  i: string;
  c: string;
  n: string;
  b: string;
  t: string;
  x: string;
  // officers: [certificate, name] for the inspecting subject's own, [certificate, name, department] for an
  // officer of another department (measure 6: a joint inspection's partner)
  o: ([string, string] | [string, string, string])[];
  m: string[];
};

export type SigningKey = { id: string; algorithm: 'Ed25519'; publicKey: string; retiredAt?: string | null };

export type CodeVerdict =
  | { status: 'valid'; payload: CheckInPayload; keysFrom: 'network' | 'cache' }
  | { status: 'forged'; reason: ForgedReason; payload: CheckInPayload | null }
  | { status: 'unverifiable'; reason: 'no_keys' | 'no_crypto'; payload: CheckInPayload | null };

export type ForgedReason = 'format' | 'unknown_key' | 'signature';

const KEYS_STORAGE = 'inspecta.checkin.signingKeys';
const KEYS_URL = '/api/v1/public/signing-keys';

const base64urlToBytes = (text: string): Uint8Array<ArrayBuffer> => {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
};

const isPayload = (value: unknown): value is CheckInPayload => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.v === 1 &&
    ['k', 'i', 'c', 'n', 'b', 't', 'x'].every((key) => typeof record[key] === 'string') &&
    Array.isArray(record.o) &&
    Array.isArray(record.m)
  );
};

// The payload as written, whether or not the signature holds (a forged code still says what it claims).
export const readPayload = (token: string): CheckInPayload | null => {
  const [body] = token.split('.');
  if (!body) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(base64urlToBytes(body)));
    return isPayload(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

// A code pasted as a whole link (…/public/checkin/<token>) or as the token alone.
export const tokenFrom = (text: string): string => {
  const trimmed = text.trim();
  const match = /\/checkin\/([A-Za-z0-9_\-.]+)/.exec(trimmed);
  return decodeURIComponent(match?.[1] ?? trimmed);
};

const readCachedKeys = (): SigningKey[] => {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEYS_STORAGE) ?? 'null');
    const keys = (parsed as { keys?: unknown } | null)?.keys;
    return Array.isArray(keys) ? (keys as SigningKey[]) : [];
  } catch {
    return [];
  }
};

export const cachedKeysAt = (): string | null => {
  try {
    return (
      (JSON.parse(window.localStorage.getItem(KEYS_STORAGE) ?? 'null') as { fetchedAt?: string } | null)
        ?.fetchedAt ?? null
    );
  } catch {
    return null;
  }
};

// Fetches the bureau's public keys and keeps them; without network the kept ones answer.
export const refreshSigningKeys = async (): Promise<{ keys: SigningKey[]; from: 'network' | 'cache' }> => {
  try {
    const response = await fetch(KEYS_URL, { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    const keys = (await response.json()) as SigningKey[];
    try {
      window.localStorage.setItem(
        KEYS_STORAGE,
        JSON.stringify({ fetchedAt: new Date().toISOString(), keys }),
      );
    } catch {
      // storage full or private mode: verify with what we fetched
    }
    return { keys, from: 'network' };
  } catch {
    return { keys: readCachedKeys(), from: 'cache' };
  }
};

const verifySignature = async (key: SigningKey, body: string, signature: string): Promise<boolean> => {
  const publicKey = await crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'Ed25519', x: key.publicKey },
    { name: 'Ed25519' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    { name: 'Ed25519' },
    publicKey,
    base64urlToBytes(signature),
    new TextEncoder().encode(body),
  );
};

export const verifyCheckInCode = async (token: string): Promise<CodeVerdict> => {
  const parts = token.split('.');
  const payload = readPayload(token);
  if (parts.length !== 2 || !parts[0] || !parts[1] || !payload)
    return { status: 'forged', reason: 'format', payload };
  const [body, signature] = parts as [string, string];
  if (!globalThis.crypto?.subtle) return { status: 'unverifiable', reason: 'no_crypto', payload };
  const { keys, from } = await refreshSigningKeys();
  if (keys.length === 0) return { status: 'unverifiable', reason: 'no_keys', payload };
  const key = keys.find((candidate) => candidate.id === payload.k);
  if (!key) {
    // a key made after this phone last went online cannot be told from a made-up one
    return from === 'cache'
      ? { status: 'unverifiable', reason: 'no_keys', payload }
      : { status: 'forged', reason: 'unknown_key', payload };
  }
  try {
    const good = await verifySignature(key, body, signature);
    return good
      ? { status: 'valid', payload, keysFrom: from }
      : { status: 'forged', reason: 'signature', payload };
  } catch (error) {
    // a browser without Ed25519 in WebCrypto throws NotSupportedError on import
    if (error instanceof DOMException && error.name === 'NotSupportedError')
      return { status: 'unverifiable', reason: 'no_crypto', payload };
    return { status: 'forged', reason: 'signature', payload };
  }
};

// Matter names and their basis, kept beside the keys so an offline verdict names the matters, not their codes.
const MATTERS_STORAGE = 'inspecta.checkin.matters';
type KeptMatter = { name: string; basis?: string };

export const keptMatters = (): Record<string, KeptMatter> => {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(MATTERS_STORAGE) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, KeptMatter>) : {};
  } catch {
    return {};
  }
};

export const refreshMatterNames = async (): Promise<void> => {
  try {
    const response = await fetch('/api/v1/catalog/inspection-matters');
    if (!response.ok) return;
    const { items } = (await response.json()) as { items: { code: string; name: string; source?: string }[] };
    const kept = Object.fromEntries(
      items.map((item) => [item.code, { name: item.name, basis: item.source }]),
    );
    window.localStorage.setItem(MATTERS_STORAGE, JSON.stringify(kept));
  } catch {
    // offline or storage full: codes are shown as they are
  }
};
