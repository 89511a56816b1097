// The supervision module's door (issue 17 items 3, 8, 9): complaints about enforcement, case-file review, and
// the leniency/severity figures.
export { supervisionRoutes } from './routes.ts';
export { complaintsOverdue } from './repository.ts';
