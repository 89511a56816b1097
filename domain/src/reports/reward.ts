import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';
import { reportsCatalog, type ReportsCatalog } from './reports-catalog.ts';

// 安监总财〔2018〕19号: 15% of the fine for a major hidden danger or illegal production (3,000 to 300,000 元);
// a fixed sum per verified concealed death by the accident's grade (capped at 300,000 元); the local uplift for
// an employee reporting on the own employer (unverified, configurable in the catalogue).
export const REWARD_KINDS = ['major_hidden_danger', 'illegal_production', 'concealed_accident'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export const ACCIDENT_GRADES = ['general', 'larger', 'major', 'especially_major'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

export const REWARD_KIND_NAMES: Record<RewardKind, string> = {
  major_hidden_danger: '重大事故隐患',
  illegal_production: '非法违法生产经营建设行为',
  concealed_accident: '瞒报、谎报事故',
};
export const ACCIDENT_GRADE_NAMES: Record<AccidentGrade, string> = {
  general: '一般事故',
  larger: '较大事故',
  major: '重大事故',
  especially_major: '特别重大事故',
};

export type RewardInput = {
  kind: RewardKind;
  // the fine imposed (元), for the 15% rule
  fineYuan?: number | null;
  concealedDeaths?: number | null;
  accidentGrade?: AccidentGrade | null;
  employeeOfEnterprise: boolean;
};

export type RewardStep = { label: string; amountYuan: number; code: string; verified: boolean };
export type RewardAnswer = Ok<{
  amountYuan: number;
  steps: RewardStep[];
  // every catalogue entry the amount rests on is verified
  verified: boolean;
  warnings: string[];
  basis: string;
}>;
export type RewardRefusal = Refusal<'REWARD_INPUT_MISSING'>;

const BASIS = '《安全生产领域举报奖励办法》（安监总财〔2018〕19号）';
const yuan = (value: number) => Math.round(value * 100) / 100;

export const computeReward = (
  input: RewardInput,
  catalog: ReportsCatalog = reportsCatalog,
): RewardAnswer | RewardRefusal => {
  const missing = (message: string): RewardRefusal =>
    refuse({ code: 'REWARD_INPUT_MISSING', measure: 27, basis: BASIS, message });
  const steps: RewardStep[] = [];
  const warnings: string[] = [];
  let amount: number;
  if (input.kind === 'concealed_accident') {
    const rule = catalog.rewards.concealedAccident;
    const deaths = input.concealedDeaths ?? 0;
    if (!input.accidentGrade || !Number.isInteger(deaths) || deaths < 1)
      return missing('瞒报、谎报事故的奖励须填写最终确认的事故等级和查实的瞒报谎报死亡人数（至少 1 人）');
    const per = rule.perDeathYuan[input.accidentGrade];
    const raw = per * deaths;
    amount = Math.min(raw, rule.maximumYuan);
    steps.push({
      label: `${ACCIDENT_GRADE_NAMES[input.accidentGrade]}每查实瞒报谎报 1 名死亡人员 ${per} 元 × ${deaths} 人 = ${raw} 元`,
      amountYuan: raw,
      code: rule.code,
      verified: rule.verified,
    });
    if (raw > rule.maximumYuan)
      steps.push({
        label: `最高不超过 ${rule.maximumYuan} 元`,
        amountYuan: amount,
        code: rule.code,
        verified: rule.verified,
      });
  } else {
    const rule = catalog.rewards.fineShare;
    const fine = input.fineYuan ?? null;
    if (fine === null || !Number.isFinite(fine) || fine < 0)
      return missing('按罚款金额计算奖励，须填写行政处罚的罚款金额（元）');
    const raw = yuan(fine * rule.rate);
    amount = Math.min(Math.max(raw, rule.minimumYuan), rule.maximumYuan);
    steps.push({
      label: `罚款 ${fine} 元 × ${rule.rate * 100}% = ${raw} 元`,
      amountYuan: raw,
      code: rule.code,
      verified: rule.verified,
    });
    if (raw < rule.minimumYuan)
      steps.push({
        label: `最低奖励 ${rule.minimumYuan} 元`,
        amountYuan: amount,
        code: rule.code,
        verified: rule.verified,
      });
    if (raw > rule.maximumYuan)
      steps.push({
        label: `最高不超过 ${rule.maximumYuan} 元`,
        amountYuan: amount,
        code: rule.code,
        verified: rule.verified,
      });
  }
  if (input.employeeOfEnterprise) {
    const uplift = catalog.rewards.employeeUplift;
    const raised = yuan(amount * (1 + uplift.rate));
    steps.push({
      label: `从业人员举报本单位上浮 ${Math.round(uplift.rate * 100)}%：${amount} 元 → ${raised} 元`,
      amountYuan: raised,
      code: uplift.code,
      verified: uplift.verified,
    });
    if (!uplift.verified) warnings.push(`${uplift.name}（${Math.round(uplift.rate * 100)}%）待法制审核`);
    amount = raised;
  }
  return ok({
    amountYuan: amount,
    steps,
    verified: steps.every((step) => step.verified),
    warnings,
    basis: BASIS,
  });
};
