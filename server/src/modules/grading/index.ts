// The grading module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { ZFactInputSchema } from './facts.ts';
export { keyStatusesOfNew, regradeEnterprise } from './grade-store.ts';
export { openRun, regradeEnterprises, runRegrade } from './regrade-all.ts';
export { gradingRoutes } from './routes.ts';
export {
  recordInternalReportingMechanism,
  recordMonitoringLead,
  retractMonitoringLead,
} from './system-facts.ts';
