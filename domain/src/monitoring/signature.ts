// A monitoring source signs each request with its own key: HMAC-SHA256 over the canonical request (below),
// hex, with the timestamp it sent. The server computes the HMAC; these rules say what is signed and when a
// timestamp is too old or too new (a replayed request).

export const canonicalRequest = (request: {
  method: string;
  path: string;
  timestamp: string;
  bodySha256: string;
}): string => [request.method.toUpperCase(), request.path, request.timestamp, request.bodySha256].join('\n');

// The timestamp is seconds since 1970 (UTC), as a decimal string.
export const isFreshTimestamp = (timestamp: string, now: Date, maxSkewSeconds: number): boolean => {
  if (!/^\d{9,11}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= maxSkewSeconds;
};
