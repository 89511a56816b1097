import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

// The reporter's identity (安监总财〔2018〕19号: "不得泄露举报人的信息"): one AES-256-GCM envelope per report, under
// a key outside the database (REPORT_IDENTITY_KEY, or DATA_DIR/report-identity-key made once, like the session
// secret), bound to the report's id as additional data so an envelope copied to another report does not open.
// Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url).
export const ZReporterIdentitySchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  contact: z.string().nullable(),
});
export type ReporterIdentity = z.infer<typeof ZReporterIdentitySchema>;

let configuredKey: Buffer | null = null;
// without a configured key (tests, scripts) the process makes its own: what it encrypts it alone can read
let processKey: Buffer | null = null;

export const configureReportIdentityKey = (key: Buffer): void => {
  if (key.length !== 32) throw new Error('REPORT_IDENTITY_KEY 须为 32 字节（base64 编码）');
  configuredKey = key;
};

const key = (): Buffer => configuredKey ?? (processKey ??= randomBytes(32));

export const sealIdentity = (reportId: string, identity: ReporterIdentity): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(reportId, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
};

// null when the envelope does not open (another key, another report, tampered): the caller answers with a
// problem that carries nothing of the envelope.
export const openIdentity = (reportId: string, sealed: string): ReporterIdentity | null => {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(reportId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
    const parsed = ZReporterIdentitySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
