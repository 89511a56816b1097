// Reports (举报) and rewards, measure 27: what the server and the web may use.
export * from './handling.ts';
export * from './reward.ts';
export { reportsCatalog, ZReportsCatalogSchema, type ReportsCatalog } from './reports-catalog.ts';
export * from './open-case.ts';
