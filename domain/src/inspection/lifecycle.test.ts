import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventsFrom,
  INSPECTION_EVENTS,
  INSPECTION_STAGES,
  isTerminal,
  transition,
  type InspectionEvent,
  type InspectionStage,
} from './lifecycle.ts';

const run = (events: InspectionEvent[], from: InspectionStage = 'planned'): InspectionStage =>
  events.reduce<InspectionStage>((stage, event) => {
    const next = transition(stage, event);
    if (!next.ok) throw new Error(next.message);
    return next.to;
  }, from);

describe('inspection lifecycle (issue 5 item 1)', () => {
  it('walks the on-site path from plan to close', () => {
    expect(
      run([
        'draft_plan',
        'submit_plan',
        'approve_plan',
        'notify',
        'check_in',
        'record_findings',
        'conclude',
        'close',
      ]),
    ).toBe('closed');
  });

  it('closes without a visit when a remote check finds nothing (measure 7)', () => {
    expect(run(['start_remote_check', 'remote_no_violation'])).toBe('closed_without_visit');
    expect(run(['start_remote_check', 'remote_violation_visit'])).toBe('plan_drafted');
    expect(run(['start_remote_check', 'remote_violation_order'])).toBe('concluded');
  });

  it('sends a rejected plan back to drafting', () => {
    expect(run(['draft_plan', 'submit_plan', 'reject_plan'])).toBe('plan_drafted');
  });

  it('refuses to check in before the plan is approved, naming the measure', () => {
    const answer = transition('plan_submitted', 'check_in');
    expect(answer).toMatchObject({ ok: false, code: 'INSPECTION_TRANSITION_NOT_ALLOWED', measure: 12 });
    expect(transition('planned', 'approve_plan')).toMatchObject({ ok: false, measure: 11 });
  });

  it('never leaves a terminal stage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INSPECTION_STAGES.filter(isTerminal)),
        fc.constantFrom(...INSPECTION_EVENTS),
        (stage, event) => {
          expect(transition(stage, event).ok).toBe(false);
          expect(eventsFrom(stage)).toEqual([]);
        },
      ),
    );
  });

  it('reaches a findings record only through check-in', () => {
    // any sequence of allowed events that reaches findings_recorded passed through checked_in
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INSPECTION_EVENTS), { maxLength: 20 }), (events) => {
        let stage: InspectionStage = 'planned';
        let checkedIn = false;
        for (const event of events) {
          const next = transition(stage, event);
          if (!next.ok) continue;
          stage = next.to;
          if (stage === 'checked_in') checkedIn = true;
          if (stage === 'findings_recorded') expect(checkedIn).toBe(true);
        }
      }),
    );
  });
});
