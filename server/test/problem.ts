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
    detail?: string;
    errors?: unknown[];
    measure?: number;
    basis?: string;
    requestId?: string;
  };
  expect(body.status).toBe(status);
  expect(body.title).toMatch(/[\u4e00-\u9fff]/);
  if (code) expect(body.code).toBe(code);
  // every problem names its request, as the x-request-id header does
  expect(body.requestId).toBeTruthy();
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
};
