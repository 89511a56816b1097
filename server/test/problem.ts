import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';

// Asserts an RFC 9457 problem answer and returns its body.
export const expectProblem = (response: LightMyRequestResponse, status: number, code?: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json() as {
    code: string;
    title: string;
    status: number;
    errors?: unknown[];
    measure?: number;
    basis?: string;
  };
  expect(body.status).toBe(status);
  expect(body.title).toMatch(/[\u4e00-\u9fff]/);
  if (code) expect(body.code).toBe(code);
  return body;
};
