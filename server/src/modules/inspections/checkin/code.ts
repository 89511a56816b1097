import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { z } from 'zod';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { findActiveSigningKey, findSigningKey, insertSigningKey } from './repository.ts';

// 亮码入企 (issue 5 item 4): the approved inspection carries a code signed with the bureau's Ed25519 key. The
// code is `payload.signature`, both base64url, the signature over the payload's base64url text (as in a JWS
// without its header). Anyone with the bureau's public key (GET /api/v1/public/signing-keys, cached by the
// enterprise portal) tells a real code from a forged one, on a phone without network too.

export const ZCheckInPayloadSchema = z.object({
  v: z.literal(1),
  // signing key id
  k: z.string(),
  // inspection id
  i: z.uuid(),
  // enterprise credit code and name
  c: z.string(),
  n: z.string(),
  // the inspecting subject (bureau) name
  b: z.string(),
  // scheduled time (ISO) and the last day the code is good for
  t: z.string(),
  x: z.string(),
  // officers: [certificate, name] for the subject's own, [certificate, name, department] for an officer of
  // another department (measure 6: a joint team's partner); codes signed before carry two for everyone
  o: z.array(z.union([z.tuple([z.string(), z.string(), z.string()]), z.tuple([z.string(), z.string()])])),
  // matter codes
  m: z.array(z.string()),
});
export type CheckInPayload = z.infer<typeof ZCheckInPayloadSchema>;

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

// The active key of an organisation, made on first use.
export const activeKey = async (tx: Db | Tx, organisationId: string | null, at: Date) => {
  const existing = await findActiveSigningKey(tx, organisationId);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return insertSigningKey(tx, {
    id: `k-${randomUUID().slice(0, 8)}`,
    organisationId,
    publicKey: jwk.x!,
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    createdAt: at,
  });
};

export const signCheckInCode = (
  key: { id: string; privateKey: string },
  payload: Omit<CheckInPayload, 'k' | 'v'>,
): string => {
  const body = b64url(JSON.stringify({ v: 1, k: key.id, ...payload }));
  const signature = sign(null, Buffer.from(body), createPrivateKey(key.privateKey));
  return `${body}.${b64url(signature)}`;
};

export type CodeVerdict =
  { valid: true; payload: CheckInPayload } | { valid: false; reason: string; payload: CheckInPayload | null };

const parsePayload = (body: string): CheckInPayload | null => {
  try {
    const parsed = ZCheckInPayloadSchema.safeParse(
      JSON.parse(Buffer.from(body, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const verifyCheckInCode = async (db: Db | Tx, token: string): Promise<CodeVerdict> => {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined)
    return { valid: false, reason: '不是检查码（格式不符）', payload: null };
  const payload = parsePayload(body);
  if (!payload) return { valid: false, reason: '不是检查码（内容无法识别）', payload: null };
  const key = await findSigningKey(db, payload.k);
  if (!key) return { valid: false, reason: '签名密钥不是本系统发布的，检查码是伪造的', payload };
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' });
  let good = false;
  try {
    good = verify(null, Buffer.from(body), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    good = false;
  }
  if (!good) return { valid: false, reason: '签名不符：检查码被改动或是伪造的', payload };
  return { valid: true, payload };
};
