// The catalog module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { industries, industryName } from './catalog.ts';
export { catalogRoutes } from './routes.ts';
