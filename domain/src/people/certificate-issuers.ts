import { z } from 'zod';
import issuersJson from '@inspecta/catalog/certificate-issuers.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from '../catalog/catalog-entry.ts';

// measure 10: only a 广东省行政执法证 counts. The accepted issuers (as written on the certificate) are catalogue
// data a legal reviewer confirms (catalog/certificate-issuers.json); until then each entry is marked unverified.
export const ZCertificateIssuerSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  // other spellings of the same issuer seen on certificates
  aliases: z.array(z.string().min(1)),
});

export type CertificateIssuer = z.infer<typeof ZCertificateIssuerSchema>;

export const ZCertificateIssuerCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  note: z.string().min(1).optional(),
  entries: z.array(ZCertificateIssuerSchema).min(1).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
});

export type CertificateIssuerCatalog = z.infer<typeof ZCertificateIssuerCatalogSchema>;

export const parseCertificateIssuerCatalog = (data: unknown): CertificateIssuerCatalog =>
  ZCertificateIssuerCatalogSchema.parse(data);

// catalog/certificate-issuers.json, checked when the module loads.
export const certificateIssuerCatalog: CertificateIssuerCatalog = parseCertificateIssuerCatalog(issuersJson);

// Spaces and the width of brackets do not make another issuer; every other difference does.
const normalise = (name: string): string =>
  name.normalize('NFKC').replace(/\s+/gu, '').replace(/\(/gu, '（').replace(/\)/gu, '）');

export const acceptedIssuer = (
  issuingAuthority: string,
  catalog: CertificateIssuerCatalog = certificateIssuerCatalog,
): CertificateIssuer | undefined => {
  const wanted = normalise(issuingAuthority);
  return catalog.entries.find((entry) =>
    [entry.name, ...entry.aliases].some((name) => normalise(name) === wanted),
  );
};

export const acceptedIssuerNames = (catalog: CertificateIssuerCatalog = certificateIssuerCatalog): string =>
  catalog.entries.map((entry) => entry.name).join('、');
