import type { paths } from '../../api/schema';

// The on-site record's shapes, from the generated OpenAPI types (nothing typed twice).

type Sync = paths['/api/v1/inspections/{id}/sync']['post'];
type Ack = paths['/api/v1/inspections/{id}/acknowledgement']['post'];

export type RecordForm =
  paths['/api/v1/inspections/{id}/form']['get']['responses'][200]['content']['application/json'];
export type FormSection = RecordForm['form']['sections'][number];
export type FormItem = FormSection['items'][number];
export type ServerEntry = RecordForm['entries'][number];
export type ServerFinding = RecordForm['findings'][number];
export type SyncBatch = Sync['requestBody']['content']['application/json'];
export type SyncResult = Sync['responses'][200]['content']['application/json'];
export type QueuedEntry = SyncBatch['entries'][number];
export type QueuedFinding = SyncBatch['findings'][number];
export type QueuedMeasure = NonNullable<SyncBatch['emergencyMeasures']>[number];
export type Acknowledgement = Ack['requestBody']['content']['application/json'];
export type Outcome = QueuedEntry['outcome'];
export type GeoPoint = NonNullable<QueuedEntry['location']>;
export type EvidenceKind = 'photo' | 'signature' | 'proof';
