// `npm run openapi:generate`: writes docs/openapi.json and web/src/api/schema.ts, so the web client is
// never typed by hand. A test fails when they are out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOpenApi } from './openapi-document.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { json, types } = await generateOpenApi();
fs.writeFileSync(path.join(root, 'docs/openapi.json'), json);
fs.writeFileSync(path.join(root, 'web/src/api/schema.ts'), types);
console.log('wrote docs/openapi.json and web/src/api/schema.ts');
