import type { Role } from '../platform/policy/policy.ts';

// Listed in the README; every demo account shares one password.
export const demoPassword = 'Inspecta@2026';

export const demoAccounts: { username: string; displayName: string; role: Role; territory: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', territory: '440700' },
  {
    username: 'city.reviewer',
    displayName: '市局法制审核 梁敏',
    role: 'legal_reviewer',
    territory: '440700',
  },
  { username: 'city.head', displayName: '市局局领导 陈国强', role: 'bureau_head', territory: '440700' },
  { username: 'city.unithead', displayName: '市局执法支队 李志明', role: 'unit_head', territory: '440700' },
  { username: 'city.inspector', displayName: '市局执法人员 黄嘉欣', role: 'inspector', territory: '440700' },
  {
    username: 'pengjiang.inspector',
    displayName: '蓬江区执法人员 张伟',
    role: 'inspector',
    territory: '440703',
  },
  {
    username: 'pengjiang.unithead',
    displayName: '蓬江区执法大队 何建华',
    role: 'unit_head',
    territory: '440703',
  },
  {
    username: 'pengjiang.reviewer',
    displayName: '蓬江区法制审核 冯洁',
    role: 'legal_reviewer',
    territory: '440703',
  },
  {
    username: 'pengjiang.reports',
    displayName: '蓬江区举报受理员 何慧玲',
    role: 'report_officer',
    territory: '440703',
  },
  { username: 'pengjiang.head', displayName: '蓬江区局领导 林涛', role: 'bureau_head', territory: '440703' },
  {
    username: 'xinhui.inspector',
    displayName: '新会区执法人员 谭静',
    role: 'inspector',
    territory: '440705',
  },
  {
    username: 'enterprise.demo',
    displayName: '企业安全负责人 周斌',
    role: 'enterprise',
    territory: '440703',
  },
  { username: 'expert.demo', displayName: '安全生产专家 邓俊', role: 'expert', territory: '440700' },
  {
    username: 'supervisor.demo',
    displayName: '社会监督员 吴丽娟',
    role: 'social_supervisor',
    territory: '440700',
  },
];
