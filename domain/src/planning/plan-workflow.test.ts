import { describe, expect, it } from 'vitest';
import { newPlanRecord } from './plan-record.ts';
import type { PlanAction, PlanRecord } from './plan-record.ts';
import { mayEditPlan, PLAN_TRANSITIONS, transitionPlan } from './plan-workflow.ts';

const step = (plan: PlanRecord, action: PlanAction): PlanRecord => {
  const result = transitionPlan(plan, action);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
};

const submitted = step(newPlanRecord('annual'), {
  type: 'submit',
  discussedOn: '2026-02-10',
  submittedOn: '2026-02-12',
});
const approved = step(submitted, {
  type: 'approve',
  documentNumber: '江府函〔2026〕18号',
  approvedOn: '2026-03-05',
});
const filed = step(approved, { type: 'file', filedOn: '2026-03-10' });
const published = step(filed, { type: 'publish', publishedOn: '2026-03-12' });

describe('annual plan workflow (measure 1)', () => {
  it('moves draft → submitted → approved → filed → published, keeping each date and the document number', () => {
    expect(published).toMatchObject({
      status: 'published',
      discussedOn: '2026-02-10',
      submittedOn: '2026-02-12',
      approval: { documentNumber: '江府函〔2026〕18号', approvedOn: '2026-03-05' },
      filedOn: '2026-03-10',
      publishedOn: '2026-03-12',
    });
    expect(transitionPlan(approved, { type: 'file', filedOn: '2026-03-10' })).toMatchObject({
      ok: true,
      event: 'plan.annual.filed',
      measure: 1,
    });
  });

  it('workflow refuses approval without a document number', () => {
    for (const documentNumber of [undefined, null, '', '   ']) {
      const result = transitionPlan(submitted, { type: 'approve', documentNumber, approvedOn: '2026-03-05' });
      expect(result).toMatchObject({ ok: false, code: 'PLAN_APPROVAL_DOCUMENT_NUMBER_MISSING', measure: 1 });
      expect(result.ok ? '' : result.basis).toContain('第一项');
    }
  });

  it('refuses approval without its date, and filing without a filing date', () => {
    expect(
      transitionPlan(submitted, { type: 'approve', documentNumber: '江府函〔2026〕18号' }),
    ).toMatchObject({
      ok: false,
      code: 'PLAN_APPROVAL_DATE_MISSING',
    });
    expect(transitionPlan(approved, { type: 'file' })).toMatchObject({
      ok: false,
      code: 'PLAN_FILING_DATE_MISSING',
    });
  });

  it('refuses to submit an annual plan the leadership has not discussed (150号 第十七条)', () => {
    const result = transitionPlan(newPlanRecord('annual'), { type: 'submit', submittedOn: '2026-02-12' });
    expect(result).toMatchObject({ ok: false, code: 'PLAN_COLLECTIVE_DISCUSSION_MISSING', measure: 1 });
    expect(result.ok ? '' : result.basis).toContain('第十七条');
  });

  it('refuses a skipped step and names the status it needs', () => {
    const result = transitionPlan(submitted, { type: 'file', filedOn: '2026-03-10' });
    expect(result).toMatchObject({ ok: false, code: 'PLAN_TRANSITION_NOT_ALLOWED', measure: 1 });
    expect(result.ok ? '' : result.message).toContain('已批准');
    expect(transitionPlan(approved, { type: 'publish', publishedOn: '2026-03-12' }).ok).toBe(false);
  });

  it('refuses a date earlier than the step before it', () => {
    expect(transitionPlan(approved, { type: 'file', filedOn: '2026-03-01' })).toMatchObject({
      ok: false,
      code: 'PLAN_DATE_BEFORE_PREVIOUS_STEP',
    });
  });

  it('adjusts a published plan only by a new version with a reason, which then supersedes the old', () => {
    expect(mayEditPlan(published)).toMatchObject({ ok: false, code: 'PLAN_NOT_EDITABLE', measure: 1 });
    expect(transitionPlan(published, { type: 'adjust', reason: ' ' })).toMatchObject({
      ok: false,
      code: 'PLAN_REASON_MISSING',
    });
    const next = step(published, { type: 'adjust', reason: '新增3家重点企业' });
    expect(next).toMatchObject({
      version: 2,
      status: 'draft',
      approval: null,
      adjustment: { reason: '新增3家重点企业', previousVersion: 1 },
    });
    expect(mayEditPlan(next).ok).toBe(true);
    expect(step(published, { type: 'supersede', byVersion: 2 }).status).toBe('superseded');
    expect(transitionPlan(published, { type: 'supersede', byVersion: 1 }).ok).toBe(false);
  });

  it('gives every transition a measure and a basis', () => {
    for (const table of Object.values(PLAN_TRANSITIONS))
      for (const transition of Object.values(table)) {
        expect([1, 2]).toContain(transition.measure);
        expect(transition.basis).toMatch(/第[一二]项/);
      }
  });
});

describe('monthly plan workflow (measure 2)', () => {
  it('is submitted by the unit and filed by the supervision unit, with no government approval step', () => {
    const monthly = step(newPlanRecord('monthly'), { type: 'submit', submittedOn: '2026-03-25' });
    const result = transitionPlan(monthly, {
      type: 'approve',
      documentNumber: 'x',
      approvedOn: '2026-03-26',
    });
    expect(result).toMatchObject({ ok: false, code: 'PLAN_TRANSITION_NOT_ALLOWED', measure: 2 });
    expect(step(monthly, { type: 'file', filedOn: '2026-03-26' })).toMatchObject({
      status: 'filed',
      filedOn: '2026-03-26',
    });
  });
});
