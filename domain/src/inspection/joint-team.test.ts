import { describe, expect, it } from 'vitest';
import { jointTeam, partnerDepartmentOf } from './joint-team.ts';

const member = (certificate: string, name: string, organisationName: string) => ({
  certificate,
  officerId: null,
  name,
  organisationName,
});

const bureau = [member('44070320210001', '陈伟', '江门市蓬江区应急管理局')];
const fire = {
  organisationName: '江门市消防救援支队',
  team: [
    member('44070050001', '欧阳文博', '江门市消防救援支队'),
    member('44070050002', '苏海燕', '江门市消防救援支队'),
  ],
};
const police = { organisationName: '江门市公安局', team: [member('44070000001', '马振宇', '江门市公安局')] };

describe('the joint team of a joint inspection (measure 6)', () => {
  it('puts the bureau’s officers first, then each partner department’s, each with its department', () => {
    expect(jointTeam(bureau, [fire, police]).map((m) => `${m.name}（${m.organisationName}）`)).toEqual([
      '陈伟（江门市蓬江区应急管理局）',
      '欧阳文博（江门市消防救援支队）',
      '苏海燕（江门市消防救援支队）',
      '马振宇（江门市公安局）',
    ]);
  });

  it('lists an officer named twice once', () => {
    expect(jointTeam([...bureau, ...bureau], [fire, fire])).toHaveLength(3);
  });

  it('tells a partner department’s officer from the bureau’s own', () => {
    expect(partnerDepartmentOf('44070050002', [fire, police])).toBe('江门市消防救援支队');
    expect(partnerDepartmentOf('44070320210001', [fire, police])).toBeNull();
  });
});
