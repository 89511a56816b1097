// `npm run catalog:report`: every catalogue entry that carries a legal number, rule or wording, with its source
// and whether a legal reviewer has verified it, so the unverified ones can be worked through
// (`-- --unverified` lists only those).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const onlyUnverified = process.argv.includes('--unverified');

// An entry: anything with a code (or a wording's item) that says whether it is verified; a dated legal basis
// (an article that applies from its effective date); a quoted official wording, verified only when complete
// and seen in two independent reproductions.
const describe = (node) => {
  if ('code' in node && 'verified' in node) return { label: node.code, verified: node.verified };
  if ('basis' in node && 'effective' in node && 'verified' in node && !('code' in node))
    return { label: `${node.basis}（${node.effective} 起）`, verified: node.verified };
  if ('item' in node && 'wording' in node && 'confidence' in node)
    return {
      label: `${node.item} 原文`,
      verified: node.confidence === 'verified' && node.complete === true,
      extra: `confidence=${node.confidence}${node.complete ? '' : ' 部分原文'}`,
    };
  return undefined;
};

function* entries(node, where) {
  if (Array.isArray(node)) for (const item of node) yield* entries(item, where);
  else if (node && typeof node === 'object') {
    const described = describe(node);
    if (described) yield { where, entry: node, ...described };
    // a child is placed under its parent's code, so a dated basis or a wording names its checklist item
    const here = typeof node.code === 'string' ? `${where}[${node.code}]` : where;
    for (const [key, value] of Object.entries(node))
      if (typeof value === 'object') yield* entries(value, `${here}.${key}`);
  }
}

export const report = (catalogDir = path.join(root, 'catalog'), { unverifiedOnly = false } = {}) => {
  // catalog/package.json makes the folder the @inspecta/catalog workspace; it is not a catalogue
  const files = fs
    .readdirSync(catalogDir)
    .filter((name) => name.endsWith('.json') && name !== 'package.json')
    .sort();
  const lines = [];
  let total = 0;
  let unverified = 0;
  for (const file of files) {
    const catalog = JSON.parse(fs.readFileSync(path.join(catalogDir, file), 'utf8'));
    lines.push(`\n## ${file} (version ${catalog.version ?? '—'})`);
    for (const { where, entry, label, verified, extra } of entries(catalog, '')) {
      total += 1;
      if (!verified) unverified += 1;
      if (unverifiedOnly && verified) continue;
      const numbers = Object.entries(entry)
        .filter(
          ([key, value]) =>
            ![
              'code',
              'name',
              'source',
              'effective',
              'verified',
              'note',
              'text',
              'howToFix',
              'basis',
              'item',
              'wording',
              'seenIn',
              'document',
              'provision',
              'complete',
              'confidence',
              'majorHiddenDanger',
              'duty',
            ].includes(key) && typeof value !== 'object',
        )
        .map(([key, value]) => `${key}=${value}`);
      if (extra) numbers.push(extra);
      lines.push(
        `- ${verified ? '已核实' : '待核实'} ${where.slice(1)} ${label}${entry.name ? ` ${entry.name}` : ''}${numbers.length ? ` (${numbers.join(' ')})` : ''}`,
      );
    }
  }
  lines.push(`\n${total} entries, ${unverified} unverified (待核实)`);
  return { lines, total, unverified };
};

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(report(undefined, { unverifiedOnly: onlyUnverified }).lines.join('\n'));
