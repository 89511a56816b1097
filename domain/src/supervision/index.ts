export * from './supervision-catalog.ts';
export * from './complaints.ts';
export * from './review-sample.ts';
export * from './review-score.ts';
export * from './outliers.ts';
