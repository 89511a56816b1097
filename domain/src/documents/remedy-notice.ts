import { territories, territoryName } from '../territory/territories.ts';
import { documentCatalog, type BureauDocumentData, type DocumentCatalog } from './document-catalog.ts';

// Issue 11 item 10 (行政复议法 2023 第二十条、第二十四条; 行政诉讼法 第四十六条): every order and decision tells the
// enterprise where and within what period it may challenge it: the 本级人民政府 of the issuing bureau, 60 days,
// and the court within six months. The sentence and each bureau's government and court are catalogue data.

// The bureau's entry; a bureau the catalogue does not list yet (another city of the province) gets its
// government named from its territory and "有管辖权的人民法院", marked unverified for the legal reviewer.
export const bureauDocumentData = (
  territory: string,
  catalog: DocumentCatalog = documentCatalog,
): Pick<BureauDocumentData, 'reviewBody' | 'court' | 'regionAbbreviation' | 'verified'> => {
  const listed = catalog.bureaus.find((bureau) => bureau.territory === territory);
  if (listed) return listed;
  const name = territoryName(territory) ?? '';
  const parent = territories.find((entry) => entry.code === territory)?.parent;
  const parentName = parent && !territory.endsWith('00') ? (territoryName(parent) ?? '') : '';
  const fullName = name.endsWith('区') ? `${parentName}${name}` : name;
  return {
    reviewBody: `${fullName}人民政府`,
    court: '有管辖权的人民法院',
    regionAbbreviation: territory.endsWith('00') ? name.slice(0, 1) : name.replace(/[市区县]$/, ''),
    verified: false,
  };
};

export type RemedyNotice = { text: string; citations: string[]; verified: boolean };

export const remedyNotice = (
  // document: how the sentence names the act (指令, 决定); documentTitle: the paper served (指令书, 决定书)
  input: { territory: string; document: string; documentTitle: string },
  catalog: DocumentCatalog = documentCatalog,
): RemedyNotice => {
  const bureau = bureauDocumentData(input.territory, catalog);
  const text = catalog.remedy.template
    .replaceAll('{documentTitle}', input.documentTitle)
    .replaceAll('{document}', input.document)
    .replaceAll('{reviewBody}', bureau.reviewBody)
    .replaceAll('{court}', bureau.court);
  return {
    text,
    citations: catalog.remedy.citations,
    verified: catalog.remedy.verified && bureau.verified,
  };
};
