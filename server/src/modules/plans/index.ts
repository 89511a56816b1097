// The plans module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { inForceStatuses, loadAnnualPlan } from './annual-plan-store.ts';
export { tellAnnualPlansOfCalendar } from './calendar-entered.ts';
export { remindMonthlyPlans } from './monthly-plan-reminders.ts';
export { planRoutes } from './routes.ts';
export { publishedAnnualPlans } from './service.ts';
