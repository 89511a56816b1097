import { z } from 'zod';

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

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => uuidPattern.test(value);

// Turns user text into a LIKE pattern that matches it literally as a substring.
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// For actions that take no body: anything sent is a mistake worth a 400, not silently ignored.
export const ZNoBodySchema = z.strictObject({}).nullish();
