// Entry of the import worker thread: the server runs its TypeScript through tsx (npm start, the tests), and a
// worker thread starts without the parent's loader, so it registers tsx before loading the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
