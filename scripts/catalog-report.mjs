// `npm run catalog:report`: every catalogue entry that carries a legal number or rule, with its source and
// whether a legal reviewer has verified it, so the unverified ones can be worked through.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// catalog/package.json makes the folder the @inspecta/catalog workspace; it is not a catalogue
const files = fs
  .readdirSync(path.join(root, 'catalog'))
  .filter((name) => name.endsWith('.json') && name !== 'package.json');
const onlyUnverified = process.argv.includes('--unverified');

function* entries(node, where) {
  if (Array.isArray(node)) for (const item of node) yield* entries(item, where);
  else if (node && typeof node === 'object') {
    if ('code' in node && 'verified' in node) yield { where, entry: node };
    for (const [key, value] of Object.entries(node))
      if (typeof value === 'object') yield* entries(value, `${where}.${key}`);
  }
}

let total = 0;
let unverified = 0;
for (const file of files) {
  const catalog = JSON.parse(fs.readFileSync(path.join(root, 'catalog', file), 'utf8'));
  console.log(`\n## ${file} (version ${catalog.version ?? '—'})`);
  for (const { where, entry } of entries(catalog, '')) {
    total += 1;
    if (!entry.verified) unverified += 1;
    if (onlyUnverified && entry.verified) continue;
    const numbers = Object.entries(entry)
      .filter(
        ([key, value]) =>
          !['code', 'name', 'source', 'effective', 'verified', 'note', 'text', 'howToFix'].includes(key) &&
          typeof value !== 'object',
      )
      .map(([key, value]) => `${key}=${value}`)
      .join(' ');
    console.log(
      `- ${entry.verified ? '已核实' : '待核实'} ${where.slice(1)} ${entry.code}${entry.name ? ` ${entry.name}` : ''}${numbers ? ` (${numbers})` : ''}`,
    );
  }
}
console.log(`\n${total} entries, ${unverified} unverified (待核实)`);
