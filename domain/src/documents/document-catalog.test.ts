import { describe, expect, it } from 'vitest';
import documentsJson from '@inspecta/catalog/documents.json' with { type: 'json' };
import { formatDocumentNumber } from '../inspection/document-number.ts';
import { cite, citationByCode, documentCatalog, parseDocumentCatalog } from './document-catalog.ts';
import { remedyNotice } from './remedy-notice.ts';

const copy = () =>
  structuredClone(documentsJson) as unknown as Record<string, unknown> & typeof documentsJson;

describe('the documents catalogue (issue 11 items 10, 15)', () => {
  it('holds the 行政复议法, 行政诉讼法 and 危险化学品安全法 citations with source, effective date and confidence', () => {
    for (const code of [
      'admin_review_law_art20',
      'admin_review_law_art24',
      'admin_litigation_law_art46',
      'hazardous_chemicals_safety_law',
    ]) {
      const entry = citationByCode(code);
      expect(entry.source.length).toBeGreaterThan(0);
      expect(entry.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['verified', 'partial', 'unverified']).toContain(entry.confidence);
    }
    expect(citationByCode('admin_review_law_art20').effective).toBe('2024-01-01');
    expect(citationByCode('hazardous_chemicals_safety_law').effective).toBe('2026-05-01');
  });

  it('refuses a citation marked verified that is only a summary', () => {
    const data = copy();
    const entry = data.citations.find((c) => c.code === 'admin_review_law_art24')!;
    entry.verified = true;
    expect(() => parseDocumentCatalog(data)).toThrow(/官方原文/);
  });

  it('refuses a remedy sentence that drops the 60 days or the six months', () => {
    const data = copy();
    data.remedy.template =
      '你单位如不服本{document}，可以依法向{reviewBody}申请行政复议或者向{court}提起行政诉讼。';
    expect(() => parseDocumentCatalog(data)).toThrow(/六十日/);
  });

  it('refuses a remedy sentence citing an article the catalogue does not hold', () => {
    const data = copy();
    data.remedy.citations = ['admin_review_law_art99'];
    expect(() => parseDocumentCatalog(data)).toThrow(/admin_review_law_art99/);
  });

  it('states the reviewing government, 60 days, six months and the court of the issuing bureau', () => {
    const city = remedyNotice({ territory: '440700', document: '指令', documentTitle: '指令书' });
    expect(city.text).toContain('六十日内向江门市人民政府申请行政复议');
    expect(city.text).toContain('六个月内依法向江门市蓬江区人民法院提起行政诉讼');
    expect(city.citations).toEqual([
      'admin_review_law_art20',
      'admin_review_law_art24',
      'admin_litigation_law_art46',
    ]);
    expect(city.verified).toBe(false);
    const county = remedyNotice({ territory: '440781', document: '决定', documentTitle: '决定书' });
    expect(county.text).toContain('向台山市人民政府申请行政复议');
    expect(county.text).toContain('你单位如不服本决定，可以自收到本决定书之日起六十日内');
  });

  it('a reviewer corrects the wording, the court or a type code in one place and every document follows', () => {
    const data = copy();
    data.bureaus.find((b) => b.territory === '440700')!.court = '江门市新会区人民法院';
    data.numbering.types.find((t) => t.documentType === 'rectification_order')!.typeCode = '责令';
    data.bureaus.find((b) => b.territory === '440700')!.regionAbbreviation = '粤江';
    const edited = parseDocumentCatalog(data);
    expect(
      remedyNotice({ territory: '440700', document: '指令', documentTitle: '指令书' }, edited).text,
    ).toContain('江门市新会区人民法院');
    expect(
      formatDocumentNumber(
        { territory: '440700', type: 'rectification_order', year: 2026, sequence: 3 },
        edited,
      ),
    ).toBe('（粤江）应急责令〔2026〕3号');
  });

  it('cites the articles the documents rely on as the catalogue writes them', () => {
    expect(cite('work_safety_law_art65_1_3')).toBe('《中华人民共和国安全生产法》第六十五条第一款第（三）项');
    expect(documentCatalog.citations.filter((c) => c.verified).every((c) => c.quotation)).toBe(true);
  });
});
