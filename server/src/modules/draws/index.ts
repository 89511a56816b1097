// The draws module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { remindDrawResults } from './draw-result-reminders.ts';
export { rosterOn } from './pools.ts';
export { drawRoutes } from './routes.ts';
export { freezeDraw } from './freeze-draw.ts';
export { performDrawSession } from './perform-draw.ts';
export { listPublicDraws } from './list-draws.ts';
