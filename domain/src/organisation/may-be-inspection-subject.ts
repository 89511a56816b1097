import { z } from 'zod';
import { isAfter, isBefore, ZIsoDateSchema } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ok, refuse } from '../shared/result.ts';
import { inspectionMatterByCode, inspectionMatterCatalog } from '../catalog/inspection-matters.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { ZOrganisationSchema } from './organisation.ts';
import type { Organisation } from './organisation.ts';

export type InspectionSubjectRefusalCode =
  | 'SUBJECT_INTERNAL_UNIT'
  | 'SUBJECT_COORDINATION_BODY'
  | 'SUBJECT_INTERMEDIARY'
  | 'SUBJECT_OTHER_DEPARTMENT'
  | 'SUBJECT_NO_LEGAL_STANDING'
  | 'SUBJECT_INACTIVE'
  | 'SUBJECT_NO_ENTRUSTMENT'
  | 'SUBJECT_ENTRUSTMENT_NOT_YET_VALID'
  | 'SUBJECT_ENTRUSTMENT_EXPIRED'
  | 'SUBJECT_OUTSIDE_ENTRUSTMENT_SCOPE'
  | 'SUBJECT_ENTRUSTING_ORGANISATION_NOT_QUALIFIED';

export type InspectionSubjectRefusal = Refusal<InspectionSubjectRefusalCode>;

export const ZMayBeInspectionSubjectInputSchema = z.object({
  organisation: ZOrganisationSchema,
  // an inspection matter code from catalog/inspection-matters.json
  matter: z.string().min(1),
  date: ZIsoDateSchema,
  // when the caller has it, the entrusting organisation is checked too: it must itself be a lawful subject
  entrustingOrganisation: ZOrganisationSchema.optional(),
});

export type MayBeInspectionSubjectInput = z.infer<typeof ZMayBeInspectionSubjectInputSchema>;

const MEASURE = 9;
const MEASURE_9 = '《江门市应急管理系统严格规范涉企行政检查若干措施》第九项';
const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const WORK_SAFETY_LAW = '《中华人民共和国安全生产法》';
// the inspection power itself (FACTS-3 §4.4); 行政处罚法 第十七条 is cited beside it by analogy
const INSPECTION_POWER = `${WORK_SAFETY_LAW}第十条、第六十五条`;

const refuseSubject = (code: InspectionSubjectRefusalCode, basis: string, message: string) =>
  refuse({ code, measure: MEASURE, basis, message });

// measure 9: the subject of an inspection must be an emergency-management department with legal
// qualification, acting within its statutory duties, or an organisation entrusted by law acting
// within its entrustment. Internal units, coordination bodies and intermediaries never qualify.
export const mayBeInspectionSubject = ({
  organisation,
  matter,
  date,
  entrustingOrganisation,
}: MayBeInspectionSubjectInput): Ok | InspectionSubjectRefusal => {
  const { name } = organisation;
  switch (organisation.kind) {
    // measure 9: 不得以应急管理部门内设机构……名义实施行政检查 (whatever flags the record carries)
    case 'internal_unit':
      return refuseSubject(
        'SUBJECT_INTERNAL_UNIT',
        `${MEASURE_9}；${INSPECTION_POWER}；${PENALTY_LAW}第十七条`,
        `${name}是内设机构，不得以内设机构名义实施行政检查，应以所属应急管理部门名义实施`,
      );
    // measure 9: 不得以……政府议事协调机构等名义实施行政检查
    case 'coordination_body':
      return refuseSubject(
        'SUBJECT_COORDINATION_BODY',
        `${MEASURE_9}；${INSPECTION_POWER}；${PENALTY_LAW}第十七条`,
        `${name}是议事协调机构，不得以议事协调机构名义实施行政检查`,
      );
    // measure 9: 严禁外包给中介机构实施行政检查; a bureau may entrust only organisations that manage public affairs
    case 'intermediary':
      return refuseSubject(
        'SUBJECT_INTERMEDIARY',
        `${MEASURE_9}；${PENALTY_LAW}第二十条第一款、第二十一条`,
        `${name}是中介机构，严禁将行政检查外包给中介机构实施；中介机构可受邀提供技术服务，但不能作为检查主体`,
      );
    // measure 6 lets other departments join a joint inspection; measure 9 makes the emergency-management
    // department the subject of its own matters. Another department's standing lies in its own field
    // (安全生产法 第十条第二款), so it takes part as a partner and never as the subject of our matters.
    case 'department':
      return refuseSubject(
        'SUBJECT_OTHER_DEPARTMENT',
        `${MEASURE_9}；${WORK_SAFETY_LAW}第十条第二款；${PENALTY_LAW}第十七条`,
        `${name}不是应急管理部门，可作为联合检查的参与部门，但不能作为应急管理检查事项的实施主体`,
      );
    case 'bureau':
      return bureauMayBeSubject(organisation);
    case 'entrusted':
      return entrustedMayBeSubject(organisation, matter, date, entrustingOrganisation);
  }
};

// measure 9: 具备法定资格的应急管理部门……在法定职责范围内实施行政检查
const bureauMayBeSubject = (organisation: Organisation): Ok | InspectionSubjectRefusal => {
  if (!organisation.hasLegalStanding) {
    return refuseSubject(
      'SUBJECT_NO_LEGAL_STANDING',
      `${MEASURE_9}；${INSPECTION_POWER}；${PENALTY_LAW}第十七条`,
      `${organisation.name}未登记为具备法定资格的应急管理部门，不得实施行政检查`,
    );
  }
  if (!organisation.active) {
    return refuseSubject(
      'SUBJECT_INACTIVE',
      `${MEASURE_9}；${INSPECTION_POWER}；${PENALTY_LAW}第十七条`,
      `${organisation.name}已停用（撤销或合并），不得实施行政检查`,
    );
  }
  return ok();
};

// measure 9: 受委托组织必须在委托范围内实施行政检查. The entrusted organisation acts in the entrusting
// bureau's name (行政处罚法 第二十条第四款), so its own `hasLegalStanding` flag is not what qualifies it:
// the written entrustment is.
const entrustedMayBeSubject = (
  organisation: Organisation,
  matter: string,
  date: IsoDate,
  entrustingOrganisation: Organisation | undefined,
): Ok | InspectionSubjectRefusal => {
  const { name, entrustment } = organisation;
  if (!organisation.active) {
    return refuseSubject(
      'SUBJECT_INACTIVE',
      `${MEASURE_9}；${PENALTY_LAW}第二十条`,
      `${name}已停用，不得实施行政检查`,
    );
  }
  if (entrustment === undefined) {
    return refuseSubject(
      'SUBJECT_NO_ENTRUSTMENT',
      `${MEASURE_9}；${PENALTY_LAW}第二十条第一款、第二款`,
      `${name}没有登记书面委托，不得实施行政检查`,
    );
  }
  if (isBefore(date, entrustment.validFrom)) {
    return refuseSubject(
      'SUBJECT_ENTRUSTMENT_NOT_YET_VALID',
      `${MEASURE_9}；${PENALTY_LAW}第二十条第二款`,
      `${name}的委托自 ${entrustment.validFrom} 起生效，${date} 尚不得实施行政检查`,
    );
  }
  if (isAfter(date, entrustment.validTo)) {
    return refuseSubject(
      'SUBJECT_ENTRUSTMENT_EXPIRED',
      `${MEASURE_9}；${PENALTY_LAW}第二十条第二款`,
      `${name}的委托已于 ${entrustment.validTo} 到期，不得继续实施行政检查`,
    );
  }
  if (!entrustment.scope.includes(matter)) {
    return refuseSubject(
      'SUBJECT_OUTSIDE_ENTRUSTMENT_SCOPE',
      `${MEASURE_9}；${PENALTY_LAW}第二十条第四款`,
      `检查事项“${inspectionMatterByCode(inspectionMatterCatalog, matter)?.name ?? matter}”不在${name}的委托范围内，受委托组织必须在委托范围内实施行政检查`,
    );
  }
  if (
    entrustingOrganisation !== undefined &&
    !entrustingOrganisationQualifies(entrustment.entrustingOrganisationId, entrustingOrganisation)
  ) {
    return refuseSubject(
      'SUBJECT_ENTRUSTING_ORGANISATION_NOT_QUALIFIED',
      `${MEASURE_9}；${PENALTY_LAW}第二十条第一款`,
      `${name}的委托机关不是具备法定资格且在用的应急管理部门，委托无效`,
    );
  }
  return ok();
};

// 行政机关……在其法定权限内书面委托: only a bureau that may itself be the subject can entrust.
const entrustingOrganisationQualifies = (entrustingId: string, entrusting: Organisation): boolean =>
  entrusting.id === entrustingId &&
  entrusting.kind === 'bureau' &&
  entrusting.hasLegalStanding &&
  entrusting.active;
