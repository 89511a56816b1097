// The workbench module's door: what waits for the user, counted across the other modules' tables.
export { workbenchRoutes } from './routes.ts';
export { WORKBENCH_ITEMS } from './service.ts';
export type { WorkbenchItemKey } from './service.ts';
