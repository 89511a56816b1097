// The disclosure module's door (measure 29, issue 17 item 4): the public portal and the annual reports.
export { disclosureRoutes } from './routes.ts';
export { annualReportWaiting } from './service.ts';
export { annualReports } from './schema.ts';
