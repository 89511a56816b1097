import { afterAll, inject } from 'vitest';
import { flushStatementShapes } from './statement-scope.ts';

// After each test file, the shapes its statements had go to the run's directory (statement-scope.ts).
afterAll(() => {
  const directory = inject('statementShapesDir');
  if (directory) flushStatementShapes(directory);
});
