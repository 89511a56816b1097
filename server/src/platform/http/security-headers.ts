import type { FastifyInstance } from 'fastify';

// The headers every answer carries (issue 12 item 8).
//
// Content-Security-Policy: scripts only from the app's own files (the built index.html has no inline
// script, e2e/security.e2e.ts records every violation in the browser). antd writes its component styles as
// <style> elements at run time (CSS-in-JS), so styles allow 'unsafe-inline': a style cannot run code. Images
// and downloads the app builds in the browser are blob: URLs; the draw verifier runs in a worker of the app's
// own origin. Nothing may frame the app (clickjacking), nothing is loaded from elsewhere.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // the full address (a check-in code sits in its path) never leaves the app
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

// A year, for browsers that reached the app over HTTPS (directly or through a trusted proxy).
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

export const installSecurityHeaders = (app: FastifyInstance): void => {
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders);
    if (request.protocol === 'https') reply.header('strict-transport-security', strictTransportSecurity);
  });
};
