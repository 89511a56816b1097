import { createHash } from 'node:crypto';
import type { TextHasher } from '@inspecta/domain';

// SHA-256 over the UTF-8 bytes of the text, by Node's crypto: the same digest as the domain's own
// implementation (draws.test.ts compares them), about ten times faster on a million-code pool. The server
// hashes the pools with it when it freezes and draws; verifyDraw, the verifier and a visitor's browser
// keep the domain's.
export const nodeSha256 = (): TextHasher => {
  const hash = createHash('sha256');
  const hasher: TextHasher = {
    update: (text) => {
      hash.update(text, 'utf8');
      return hasher;
    },
    digestHex: () => hash.digest('hex'),
  };
  return hasher;
};
