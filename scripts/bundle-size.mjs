// `npm run bench:bundle`: builds the web app and prints what a browser downloads on the first visit:
// the entry script of web/dist/index.html, every chunk it loads statically (the modulepreload links
// and, to be sure none is missed, the static imports inside those chunks) and the stylesheets, each
// with its raw and gzipped size, then the gzipped total. Chunks loaded later (lazy routes, the
// English dictionary, charts) are not counted.
//   --no-build     read the web/dist already there
//   --budget=KB    exit 1 when the gzipped total is over KB (kilobytes of 1000 bytes)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'web', 'dist');
const args = process.argv.slice(2);
const budgetArg = args.find((arg) => arg.startsWith('--budget='));
const budget = budgetArg ? Number(budgetArg.slice('--budget='.length)) : undefined;

if (!args.includes('--no-build')) {
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error('web/dist/index.html is missing: run without --no-build');
  process.exit(1);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const attribute = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
const entries = [];
for (const tag of tags) {
  if (tag.startsWith('<script') && attribute(tag, 'type') === 'module' && attribute(tag, 'src')) {
    entries.push(attribute(tag, 'src'));
  }
  const rel = attribute(tag, 'rel');
  if (tag.startsWith('<link') && (rel === 'modulepreload' || rel === 'stylesheet'))
    entries.push(attribute(tag, 'href'));
}

// Static imports in minified output: `import{a as b}from"./x.js"` or `import"./x.js"`, never `import(`.
const staticImports = (source) =>
  [
    ...source.matchAll(
      /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g,
    ),
  ].map((match) => match[1]);

const seen = new Set();
const files = [];
const visit = (url) => {
  const path = url.startsWith('/') ? url : `/${url}`;
  if (seen.has(path)) return;
  seen.add(path);
  const content = readFileSync(join(dist, path));
  files.push({ path: path.slice(1), raw: content.length, gzip: gzipSync(content).length });
  if (path.endsWith('.js')) {
    for (const imported of staticImports(content.toString('utf8')))
      visit(posix.join(posix.dirname(path), imported));
  }
};
for (const url of entries) visit(url);

const kb = (bytes) => (bytes / 1000).toFixed(2).padStart(9);
files.sort((a, b) => b.gzip - a.gzip);
const width = Math.max(...files.map((file) => file.path.length));
console.log(`${'first load of web/dist/index.html'.padEnd(width)}  raw kB  gzip kB`);
for (const file of files) console.log(`${file.path.padEnd(width)} ${kb(file.raw)} ${kb(file.gzip)}`);
const total = files.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), {
  raw: 0,
  gzip: 0,
});
console.log(`${`total (${files.length} files)`.padEnd(width)} ${kb(total.raw)} ${kb(total.gzip)}`);
console.log(`first load: ${(total.gzip / 1000).toFixed(1)} kB gzipped`);
if (budget !== undefined && total.gzip / 1000 > budget) {
  console.error(`over the budget of ${budget} kB gzipped`);
  process.exit(1);
}
