import type { AppContext } from '../../platform/http/context.ts';
import { submitReport } from './service.ts';

// The demo: two reports waiting for 蓬江区's 举报受理员 (one anonymous, one by an employee with a name), so the
// role's first screen has something to do. Demo identities only.
export const seedDemoReports = async (ctx: AppContext): Promise<void> => {
  await submitReport(ctx, {
    kind: 'hidden_danger',
    content: '棠下镇某塑料制品厂仓库内电动车集中充电，电线从窗户拉入，夜间无人看管',
    enterpriseId: null,
    enterpriseDescription: '棠下镇某塑料制品厂（无招牌）',
    county: '440703',
    location: '棠下镇工业大道旁',
    latitude: null,
    longitude: null,
    anonymous: true,
    employeeOfEnterprise: false,
    identity: null,
  });
  await submitReport(ctx, {
    kind: 'illegal_production',
    content: '车间有限空间作业没有审批，也没有检测气体，班长要求直接下池清理',
    enterpriseId: null,
    enterpriseDescription: '杜阮镇某食品加工厂',
    county: '440703',
    location: '污水处理池',
    latitude: null,
    longitude: null,
    anonymous: false,
    employeeOfEnterprise: true,
    identity: { name: '演示举报人', phone: '13800000000', idNumber: null, contact: null },
  });
};
