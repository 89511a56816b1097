// The team module's door (issue 17 item 7, measures 25 and 26).
export { teamRoutes } from './routes.ts';
