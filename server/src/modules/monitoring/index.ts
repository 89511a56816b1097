// The monitoring module's door (issue 16): sources, points, alarms and the incidents officers handle.
export { monitoringRoutes } from './routes.ts';
export type { StreamTiming } from './incident-stream.ts';
export { ingestAlarms } from './ingest-alarms.ts';
export { signRequest } from './source-signature.ts';
export { scanMonitoring } from './scan.ts';
export { patrolRoutes } from './patrols/routes.ts';
