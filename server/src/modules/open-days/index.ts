// The open-days module's door (measure 28, issue 17 item 5).
export { openDayRoutes } from './routes.ts';
export { organisationNameOf, publicOpenDays } from './service.ts';
export { openDays, openDaySuggestions } from './schema.ts';
