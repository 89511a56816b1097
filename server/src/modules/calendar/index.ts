// The calendar module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { calendarRoutes } from './routes.ts';
