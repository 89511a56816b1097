import { asc, desc, type Column, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { problem } from './problem.ts';

export const ZPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(200).optional(),
});

export const ZBooleanQuerySchema = z.enum(['true', 'false']).transform((value) => value === 'true');

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    totalIsLowerBound: z.boolean(),
  });

// Counting every match of a broad search over a million rows costs more than the page itself; past
// this many the total is reported as a lower bound.
export const countCap = 10_000;

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
    const column = allowed[field];
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

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => uuidPattern.test(value);

// Turns user text into a LIKE pattern that matches it literally as a substring.
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// For actions that take no body: anything sent is a mistake worth a 400, not silently ignored.
export const ZNoBodySchema = z.strictObject({}).nullish();
