// SHA-256 (FIPS 180-4) in plain TypeScript, so the draw can be recomputed anywhere the domain runs, a
// visitor's browser included, without trusting our server or Node's crypto (measure 5: anyone can
// check a draw). Tested against node:crypto.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const INITIAL = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const utf8 = new TextEncoder();
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
// one message schedule, reused: the domain is single-threaded and the function does not re-enter
const w = new Int32Array(64);

// The digest as eight big-endian 32-bit words. Written for speed (a draw hashes ~150,000 short strings):
// locals instead of arrays, no DataView, no allocation per block.
export const sha256Words = (message: Uint8Array): Uint32Array => {
  const blocks = (message.length + 9 + 63) >>> 6;
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const bits = message.length * 8;
  const high = Math.floor(bits / 0x100000000);
  for (let byte = 0; byte < 4; byte++) {
    padded[padded.length - 8 + byte] = (high >>> (24 - byte * 8)) & 0xff;
    padded[padded.length - 4 + byte] = (bits >>> (24 - byte * 8)) & 0xff;
  }
  let [h0, h1, h2, h3, h4, h5, h6, h7] = INITIAL as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) {
      const at = block + t * 4;
      w[t] =
        ((padded[at] as number) << 24) |
        ((padded[at + 1] as number) << 16) |
        ((padded[at + 2] as number) << 8) |
        (padded[at + 3] as number);
    }
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15] as number;
      const b = w[t - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
    }
    let a = h0,
      b = h1,
      c = h2,
      d = h3,
      e = h4,
      f = h5,
      g = h6,
      h = h7;
    for (let t = 0; t < 64; t++) {
      const t1 =
        (h +
          (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
          ((e & f) ^ (~e & g)) +
          (K[t] as number) +
          (w[t] as number)) |
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  return Uint32Array.of(h0, h1, h2, h3, h4, h5, h6, h7);
};

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

const wordsToHex = (words: Uint32Array) => {
  let hex = '';
  for (let index = 0; index < 8; index++) {
    const word = words[index] as number;
    hex +=
      (HEX[word >>> 24] as string) +
      (HEX[(word >>> 16) & 0xff] as string) +
      (HEX[(word >>> 8) & 0xff] as string) +
      (HEX[word & 0xff] as string);
  }
  return hex;
};

// Lowercase hex SHA-256 of the UTF-8 text (item 2 of the draw algorithm).
export const sha256Hex = (text: string): string => wordsToHex(sha256Words(utf8.encode(text)));

// The digest of the UTF-8 text read as a big-endian unsigned integer (item 5: int(SHA-256(...))).
export const sha256BigInt = (text: string): bigint => BigInt(`0x${sha256Hex(text)}`);

// int(SHA-256(text)) mod n without building the 256-bit integer: Horner's rule over 16-bit halves of the
// digest stays exact in doubles while n ≤ 2^37; larger n take the BigInt path. Same value either way.
export const sha256Mod = (text: string, n: number): number => {
  if (n > 2 ** 37) return Number(sha256BigInt(text) % BigInt(n));
  const words = sha256Words(utf8.encode(text));
  let rest = 0;
  for (let index = 0; index < 8; index++) {
    const word = words[index] as number;
    rest = (rest * 0x10000 + (word >>> 16)) % n;
    rest = (rest * 0x10000 + (word & 0xffff)) % n;
  }
  return rest;
};
