import type { OpenDataset } from './model.ts';

// the open data sets of the portal, each a public list of the portal, by the name the public reads
export const OPEN_DATASET_NAMES: Record<OpenDataset, string> = {
  'penalty-decisions': '行政处罚决定公示',
  'penalty-withdrawals': '撤回公示的行政处罚决定',
  'inspection-results': '行政检查结果',
  'credit-repairs': '信用修复结果',
  'discretion-benchmarks': '行政处罚裁量基准',
  'inspection-caps': '年度检查频次上限',
  'annual-reports': '年度行政执法数据',
  'open-days': '执法开放日与媒体观察意见建议',
  draws: '双随机抽取批次',
  'annual-plans': '年度监督检查计划',
  'guide-list': '重点企业指导名单',
};
