// The enterprises module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { findEnterpriseById, findEnterpriseScopesByIds } from './repository.ts';
export { enterpriseRoutes } from './routes.ts';
export { countReadableEnterprises } from './service.ts';
