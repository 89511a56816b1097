import type { PassThrough } from 'node:stream';
import type { EnforcementClass, EnforcementLevel } from '@inspecta/domain';
import { streamWorkbook } from '../../platform/http/downloads.ts';
import { writeListSheet } from '../../platform/documents/xlsx-layout.ts';

const classNames: Record<EnforcementClass, string> = { key: '重点', general: '一般' };
const levelNames: Record<EnforcementLevel, string> = { city_organised: '市级组织', county: '县级' };

type GuideListEntry = {
  name: string;
  creditCode: string;
  territoryName: string;
  class: EnforcementClass;
  enforcementLevel: EnforcementLevel;
  origin: string;
  reason: string | null;
  ruleReasons: string[];
};

export const guideListTitle = (year: number) => `${year}年重点企业指导名单`;

// measure 4: the year's key-enterprise guide list, one row per enterprise on it, with why it is listed.
export const guideListWorkbook = (year: number, entries: GuideListEntry[]): PassThrough =>
  streamWorkbook((workbook) =>
    writeListSheet(workbook, {
      name: guideListTitle(year),
      title: guideListTitle(year),
      columns: [
        { header: '序号', key: 'number', format: 'integer' },
        { header: '企业名称', key: 'name' },
        { header: '统一社会信用代码', key: 'creditCode', format: 'text' },
        { header: '属地', key: 'territoryName' },
        { header: '分类', key: 'class' },
        { header: '执法层级', key: 'level' },
        { header: '列入依据', key: 'reasons', width: 50 },
      ],
      rows: entries.map((entry, index) => ({
        number: index + 1,
        name: entry.name,
        creditCode: entry.creditCode,
        territoryName: entry.territoryName,
        class: classNames[entry.class],
        level: levelNames[entry.enforcementLevel],
        reasons: entry.origin === 'manual' ? `人工增加：${entry.reason ?? ''}` : entry.ruleReasons.join('；'),
      })),
    }),
  );
