// The officers module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export {
  bureauRosterCondition,
  findOfficersWithCertificates,
  officersByCertificate,
} from './roster.repository.ts';
export type { OfficersByCertificate } from './roster.repository.ts';
export { officerRoutes } from './routes.ts';
export { applyCertificateSanction, eligibility } from './service.ts';
export { findOfficerWithOrganisation } from './repository.ts';
