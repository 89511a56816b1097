// The policy module's door: the grant table, the record checks and the named predicates.
export * from './policy.ts';
