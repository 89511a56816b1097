// The reports module's door (measure 27: reports from the public, their handling and rewards).
export { reportRoutes } from './routes.ts';
export { configureReportIdentityKey } from './identity.ts';
export { reportsDue } from './deadlines.ts';
export { seedDemoReports } from './demo.ts';
export { purgeReportLookups, reportSubmissionPolicy } from './service.ts';
