// The experts module's door (issue 17 item 6, measures 14 and 23).
export { expertRoutes } from './routes.ts';
export { expertNoPenaltyMarks } from './service.ts';
export type { ExpertNoPenaltyMark } from './service.ts';
