// The boundary tool's API for the scripts and the test: cruise with the rules of .dependency-cruiser.mjs,
// list the violations, and fold the file graph into the module graph that docs/architecture.md draws.
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

export const root = path.resolve(import.meta.dirname, '../..');
export const cruisedFolders = ['catalog', 'domain', 'server', 'web', 'bench', 'e2e', 'cluster', 'scripts'];

export async function cruiseWithRules({ baseDir = root, folders = cruisedFolders } = {}) {
  const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.mjs'));
  const { output } = await cruise(folders, { ...options, baseDir });
  return output;
}

export function violationsOf(result) {
  return result.summary.violations.map(({ rule, from, to }) => ({ rule: rule.name, from, to }));
}

// Not part of the running program: tests, benchmarks, browser scenarios, scripts.
const outsideTheProgram = /\.test\.ts$|^server\/test\/|^(bench|e2e|cluster|scripts)\//;

// The unit a file belongs to in the module graph, or undefined for files the graph leaves out.
export function unitOf(file) {
  if (outsideTheProgram.test(file)) return undefined;
  const match =
    /^server\/src\/modules\/([^/]+)\//.exec(file) ??
    /^server\/src\/platform\/([^/.]+)(?:\/|\.ts$)/.exec(file);
  if (match) return `${file.startsWith('server/src/modules/') ? 'modules' : 'platform'}/${match[1]}`;
  if (/^server\/src\/[^/]+\.ts$/.test(file)) return 'composition';
  const other = /^server\/src\/(cli|demo)\//.exec(file) ?? /^(domain|catalog|web)\//.exec(file);
  return other?.[1];
}

// How a dependency crosses into another unit: through the door (index.ts), to the tables (schema.ts), or
// into the internals.
function kindOf(to) {
  if (/^server\/src\/modules\/[^/]+\/index\.ts$/.test(to)) return 'door';
  if (/^server\/src\/(modules|platform)\/[^/]+\/schema\.ts$/.test(to)) return 'tables';
  if (/^server\/src\/modules\//.test(to)) return 'internals';
  return 'door';
}

// Edges between units (`from → to`), each with the number of file imports behind it and their kinds.
export function moduleGraph(result) {
  const edges = new Map();
  for (const module of result.modules) {
    const from = unitOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = unitOf(dependency.resolved);
      if (!to || to === from) continue;
      const key = `${from}→${to}`;
      const edge = edges.get(key) ?? { from, to, imports: 0, kinds: new Set() };
      edge.imports += 1;
      edge.kinds.add(kindOf(dependency.resolved));
      edges.set(key, edge);
    }
  }
  return [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

// Strongly connected components of more than one unit (Tarjan): each is a cycle between units.
// Module cycles are counted on code (door and internals); joining another module's tables is not code.
export function moduleCyclesOf(edges) {
  return cyclesOf(
    edges.filter(
      ({ from, to, kinds }) =>
        from.startsWith('modules/') &&
        to.startsWith('modules/') &&
        [...kinds].some((kind) => kind !== 'tables'),
    ),
  );
}

// Cycles between the platform's parts (auth, audit, db, http, policy…), counted the same way: on code, not on
// one part's table joining another's (audit_events.actor_id references users).
export function platformCyclesOf(edges) {
  return cyclesOf(
    edges.filter(
      ({ from, to, kinds }) =>
        from.startsWith('platform/') &&
        to.startsWith('platform/') &&
        [...kinds].some((kind) => kind !== 'tables'),
    ),
  );
}

export function cyclesOf(edges) {
  const next = new Map();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (unit) => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit));
    stack.push(unit);
    onStack.add(unit);
    for (const to of next.get(unit) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(unit, Math.min(low.get(unit), low.get(to)));
      } else if (onStack.has(to)) low.set(unit, Math.min(low.get(unit), index.get(to)));
    }
    if (low.get(unit) === index.get(unit)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== unit);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const unit of [...next.keys()].sort()) if (!index.has(unit)) visit(unit);
  return components;
}
