import { asc, desc, type Column, type SQL } from 'drizzle-orm';
import { problem } from '../problems/problem.ts';

// `name,-updatedAt` → ORDER BY name ASC, updated_at DESC, then the tiebreaker for stable paging.
export const orderBy = (
  sort: string | undefined,
  allowed: Record<string, Column>,
  fallback: string,
  tiebreaker: Column,
): SQL[] => {
  const parts = (sort ?? fallback)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const order = parts.map((part) => {
    const descending = part.startsWith('-');
    const field = descending ? part.slice(1) : part;
    // own keys only: `sort=__proto__` or `sort=constructor` names no column (issue 12 item 5)
    const column = Object.hasOwn(allowed, field) ? allowed[field] : undefined;
    if (!column) {
      throw problem(
        'INVALID_SORT',
        { field },
        { detail: `可用的排序字段：${Object.keys(allowed).join(', ')}` },
      );
    }
    return descending ? desc(column) : asc(column);
  });
  return [...order, asc(tiebreaker)];
};
