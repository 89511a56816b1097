// The cases module's door (issue 15: penalty cases).
export { caseRoutes } from './routes.ts';
export { creditRoutes } from './credit/routes.ts';
export { observationDue, seizureDue } from './repository.ts';
export { penaltyCases } from './schema.ts';
export { fineDeadlinesWithin, FINE_DEADLINE_NAMES } from './performance/deadlines.ts';
export { publicBenchmarks } from './discretion-tiers/service.ts';
export { toPublicDecision, listPublicDecisions } from './credit/service.ts';
export { caseSummary, withdrawPublicationOnCorrection } from './credit/service.ts';
export { decidedFineOfCase, openCaseFromReport } from './service.ts';
