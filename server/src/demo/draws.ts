import type { AppContext } from '../platform/http/context.ts';
import { shanghaiDate } from '../platform/http/dates.ts';
import type { Actor } from '../platform/policy/policy.ts';
import type { Tx } from '../platform/db/client.ts';
import { freezeDraw, performDrawSession } from '../modules/draws/index.ts';
import {
  departmentOfType,
  departmentsOf,
  generalRiskGrades,
  insertCertificate,
  insertOfficer,
} from './repository.ts';
import { seededRandom, type SeededRandom } from './prng.ts';
import { systemUserId } from '../platform/auth/system-user.ts';

const gradeNames: Record<string, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };
// Partner departments' officers, one name each: given names of two characters that the bureaus' officers
// (seed.ts personName: one of its given names after a surname) never carry, so no name is shared.
const departmentOfficerNames = [
  '欧阳文博',
  '苏海燕',
  '马振宇',
  '罗慧玲',
  '叶子豪',
  '朱永康',
  '徐佩珊',
  '孙立新',
  '高雅婷',
  '彭伟雄',
  '曾少华',
  '蔡嘉豪',
  '方晓琳',
  '杨振华',
  '钟丽萍',
  '谢永坚',
  '邱志坚',
  '卢美玲',
  '潘国栋',
  '麦家明',
  '江海波',
  '袁淑仪',
  '唐卓然',
  '温启航',
  '黎绍辉',
  '严敏仪',
  '容锦荣',
  '莫慧珍',
];

// The names in a seeded order (Fisher–Yates), taken one by one: without replacement.
const shuffled = <T>(items: readonly T[], random: SeededRandom): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

// measure 6: partner departments have rosters of their own, so joint inspections can draw from them.
export const seedDepartmentOfficers = async (tx: Tx): Promise<number> => {
  const random = seededRandom(20251106);
  const departments = await departmentsOf(tx);
  const names = shuffled(departmentOfficerNames, random);
  if (departments.length * 4 > names.length)
    throw new Error('demo data: too few names for the partner departments’ officers');
  let made = 0;
  for (const [index, department] of departments.entries()) {
    for (let i = 1; i <= 4; i += 1) {
      const officerId = await insertOfficer(tx, {
        name: names[made]!,
        organisationId: department.id,
        territory: department.territory,
        position: '执法人员',
      });
      await insertCertificate(tx, {
        officerId,
        number: `${department.territory}9${index}${String(i).padStart(3, '0')}`,
        issuingAuthority: '广东省人民政府',
        validFrom: '2024-01-01',
        validTo: '2028-12-31',
      });
      made += 1;
    }
  }
  return made;
};

// Item 8: the demo has a published draw: 蓬江区's batch for next month, drawn in front of two witnesses.
export const seedDemoDraw = async (ctx: AppContext): Promise<void> => {
  const actor: Actor = {
    id: systemUserId,
    username: 'demo',
    displayName: '系统（演示数据）',
    role: 'legal_reviewer',
    territory: '440703',
    organisationId: null,
    enterpriseId: null,
  };
  const today = shanghaiDate(ctx.clock.now());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-12` : `${year}-${String(month + 1).padStart(2, '0')}-12`;
  const grades = (await generalRiskGrades(ctx.db, '440703')).sort();
  if (grades.length === 0) return;
  const department = await departmentOfType(ctx.db, 'fire_rescue');
  const draw = await freezeDraw(ctx, actor, {
    title: `蓬江区${Number(next.slice(5, 7))}月安全生产双随机抽查（演示）`,
    inspectionDate: next,
    matters: ['work_safety_general'],
    teamSize: 2,
    // strata by risk grade among the general (non-key) enterprises: key ones are inspected every year anyway
    source: {
      kind: 'criteria',
      strata: grades.map((grade) => ({
        key: `一般企业-${gradeNames[grade] ?? grade}`,
        criteria: { territory: '440703', enforcementClass: 'general', riskGrade: grade },
        percent: 20,
      })),
    },
    partners: department ? [department.id] : [],
  });
  await performDrawSession(ctx, actor, draw.id, {
    publicEntropy: '2026-11-21 体彩排列5 开奖号码 3 8 0 6 1',
    witnesses: ['江门市人大代表 梁建华', '企业代表 陈丽娟'],
  });
};
