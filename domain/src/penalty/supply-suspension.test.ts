import { describe, expect, it } from 'vitest';
import {
  mayApproveSupplySuspension,
  mayLiftSupplySuspension,
  mayProposeSupplySuspension,
  type SupplySuspensionProposal,
} from './supply-suspension.ts';

const proposal = (over: Partial<SupplySuspensionProposal> = {}): SupplySuspensionProposal => ({
  kinds: ['power'],
  stopDecisionInForce: true,
  refusedToComply: true,
  imminentDanger: true,
  safetyEnsured: true,
  enterpriseNotifiedAt: new Date('2026-12-06T02:00:00Z'),
  effectiveAt: new Date('2026-12-07T02:00:00Z'),
  urgent: false,
  ...over,
});

describe('stopping power or explosives supply (安全生产法 第七十条)', () => {
  it('allows it when a decision to stop stands and every condition holds together', () => {
    expect(mayProposeSupplySuspension(proposal()).ok).toBe(true);
  });

  it('refuses it without a decision to stop to enforce', () => {
    expect(mayProposeSupplySuspension(proposal({ stopDecisionInForce: false }))).toMatchObject({
      code: 'SUPPLY_NO_STOP_DECISION',
    });
  });

  it.each(['refusedToComply', 'imminentDanger', 'safetyEnsured'] as const)(
    'refuses it when %s is missing: the conditions hold together, not one of them',
    (fact) => {
      expect(mayProposeSupplySuspension(proposal({ [fact]: false }))).toMatchObject({
        code: 'SUPPLY_CONDITIONS_NOT_MET',
      });
    },
  );

  it('stops power only 24 hours after the enterprise is told, unless an emergency is written down', () => {
    const early = { effectiveAt: new Date('2026-12-07T01:59:59Z') };
    expect(mayProposeSupplySuspension(proposal(early))).toMatchObject({ code: 'SUPPLY_NOTICE_TOO_SHORT' });
    expect(mayProposeSupplySuspension(proposal({ ...early, urgent: true }))).toMatchObject({
      code: 'SUPPLY_URGENT_NEEDS_REASON',
    });
    expect(
      mayProposeSupplySuspension(proposal({ ...early, urgent: true, urgentReason: '液氨储罐持续泄漏' })).ok,
    ).toBe(true);
    // the 24 hours are the power supply's: stopping explosives supply has no such notice
    expect(mayProposeSupplySuspension(proposal({ ...early, kinds: ['explosives'] })).ok).toBe(true);
  });

  it('is approved by someone other than its proposer and lifted only while in force', () => {
    expect(mayApproveSupplySuspension('a', 'a')).toMatchObject({ code: 'SUPPLY_SELF_APPROVAL' });
    expect(mayApproveSupplySuspension('a', 'b').ok).toBe(true);
    expect(mayLiftSupplySuspension('in_force').ok).toBe(true);
    expect(mayLiftSupplySuspension('proposed')).toMatchObject({ code: 'SUPPLY_NOT_IN_FORCE' });
  });
});
