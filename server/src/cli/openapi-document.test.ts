import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from './openapi-document.ts';

const root = path.resolve(import.meta.dirname, '../../..');

// Generating the description and the web's types from every route takes over 30 s on a loaded machine.
describe('OpenAPI description', { timeout: 180_000 }, () => {
  it('is committed up to date, with the web client’s types generated from it (run npm run openapi:generate)', async () => {
    const { json, types } = await generateOpenApi();
    expect(fs.readFileSync(path.join(root, 'docs/openapi.json'), 'utf8')).toBe(json);
    expect(fs.readFileSync(path.join(root, 'web/src/api/schema.ts'), 'utf8')).toBe(types);
  });
});
