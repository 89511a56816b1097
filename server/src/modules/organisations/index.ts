// The organisations module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { ZRuleAnswerSchema } from './model.ts';
export { findOrganisationById } from './repository.ts';
export { organisationRoutes } from './routes.ts';
export { toDomainOrganisation } from './service.ts';
