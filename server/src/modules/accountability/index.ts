// The accountability module's door (issue 17 item 10, measure 30).
export { accountabilityRoutes } from './routes.ts';
export { accountabilityRecordsOfComplaints } from './service.ts';
