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
// K as signed 32-bit words, so the round arithmetic stays in small integers
const K32 = new Int32Array(K);
// one message schedule, reused: the domain is single-threaded and the function does not re-enter
const w = new Int32Array(64);

// The compression function over the 64-byte blocks of `bytes` from `offset` to `end` (a multiple of 64
// bytes), updating `state` (eight words). Written for speed: locals, no allocation per block.
const compress = (state: Int32Array, bytes: Uint8Array, offset: number, end: number): void => {
  let h0 = state[0] as number,
    h1 = state[1] as number,
    h2 = state[2] as number,
    h3 = state[3] as number,
    h4 = state[4] as number,
    h5 = state[5] as number,
    h6 = state[6] as number,
    h7 = state[7] as number;
  for (let block = offset; block < end; block += 64) {
    for (let t = 0, at = block; t < 16; t++, at += 4) {
      w[t] =
        ((bytes[at] as number) << 24) |
        ((bytes[at + 1] as number) << 16) |
        ((bytes[at + 2] as number) << 8) |
        (bytes[at + 3] as number);
    }
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15] as number;
      const b = w[t - 2] as number;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
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
          (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
          ((e & f) ^ (~e & g)) +
          (K32[t] as number) +
          (w[t] as number)) |
        0;
      const t2 =
        ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
          ((a & b) ^ (a & c) ^ (b & c))) |
        0;
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
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
  state[4] = h4;
  state[5] = h5;
  state[6] = h6;
  state[7] = h7;
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

// SHA-256 over text fed piece by piece: the digest of the concatenation of every piece's UTF-8 bytes.
// A pool of a million codes is hashed without building its 30 MB text (item 1's lines).
export type Sha256 = {
  update: (text: string) => Sha256;
  digestWords: () => Uint32Array;
  digestHex: () => string;
};

const BUFFER = 64 * 1024;

export const createSha256 = (): Sha256 => {
  const state = Int32Array.from(INITIAL);
  // pending bytes; compressed whenever full, so it never holds more than BUFFER bytes
  const buffer = new Uint8Array(BUFFER);
  let used = 0;
  let total = 0;
  const flush = () => {
    const whole = used - (used % 64);
    compress(state, buffer, 0, whole);
    buffer.copyWithin(0, whole, used);
    used -= whole;
  };
  const hasher: Sha256 = {
    update: (text) => {
      const length = text.length;
      // ASCII is written byte by byte; anything else goes through the UTF-8 encoder
      let index = 0;
      while (index < length) {
        if (used >= BUFFER - 4) flush();
        const unit = text.charCodeAt(index);
        if (unit < 0x80) {
          buffer[used++] = unit;
          total += 1;
          index += 1;
          continue;
        }
        // a window of the text, never ending between the two halves of a surrogate pair
        let stop = Math.min(length, index + 4096);
        const last = text.charCodeAt(stop - 1);
        if (stop < length && last >= 0xd800 && last <= 0xdbff) stop += 1;
        const { read, written } = utf8.encodeInto(text.slice(index, stop), buffer.subarray(used));
        used += written;
        total += written;
        index += read;
        if (read === 0) flush();
      }
      return hasher;
    },
    digestWords: () => {
      flush();
      // padding: 0x80, zeros to 56 mod 64, the length in bits as a 64-bit big-endian integer
      const bits = total * 8;
      const high = Math.floor(bits / 0x100000000);
      const tail = new Uint8Array(used + 9 <= 64 ? 64 : 128);
      tail.set(buffer.subarray(0, used));
      tail[used] = 0x80;
      for (let byte = 0; byte < 4; byte++) {
        tail[tail.length - 8 + byte] = (high >>> (24 - byte * 8)) & 0xff;
        tail[tail.length - 4 + byte] = (bits >>> (24 - byte * 8)) & 0xff;
      }
      compress(state, tail, 0, tail.length);
      return new Uint32Array(state);
    },
    digestHex: () => wordsToHex(hasher.digestWords()),
  };
  return hasher;
};

// The digest as eight big-endian 32-bit words.
export const sha256Words = (message: Uint8Array): Uint32Array => {
  const state = Int32Array.from(INITIAL);
  const whole = message.length - (message.length % 64);
  compress(state, message, 0, whole);
  const rest = message.length - whole;
  const tail = new Uint8Array(rest + 9 <= 64 ? 64 : 128);
  tail.set(message.subarray(whole));
  tail[rest] = 0x80;
  const bits = message.length * 8;
  const high = Math.floor(bits / 0x100000000);
  for (let byte = 0; byte < 4; byte++) {
    tail[tail.length - 8 + byte] = (high >>> (24 - byte * 8)) & 0xff;
    tail[tail.length - 4 + byte] = (bits >>> (24 - byte * 8)) & 0xff;
  }
  compress(state, tail, 0, tail.length);
  return new Uint32Array(state);
};

// The sampler hashes hundreds of thousands of short strings (seed + "," + i): those are encoded into one
// reused buffer and compressed in place. The words returned are overwritten by the next call.
const scratch = new Uint8Array(512);
const scratchState = new Int32Array(8);
const shortDigest = (text: string): Int32Array => {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; longer text takes the general path
  if (text.length * 3 > scratch.length - 9) {
    scratchState.set(sha256Words(utf8.encode(text)));
    return scratchState;
  }
  const { written } = utf8.encodeInto(text, scratch);
  const blocks = Math.ceil((written + 9) / 64) * 64;
  scratch.fill(0, written, blocks);
  scratch[written] = 0x80;
  const bits = written * 8;
  scratch[blocks - 4] = (bits >>> 24) & 0xff;
  scratch[blocks - 3] = (bits >>> 16) & 0xff;
  scratch[blocks - 2] = (bits >>> 8) & 0xff;
  scratch[blocks - 1] = bits & 0xff;
  scratchState.set(INITIAL);
  compress(scratchState, scratch, 0, blocks);
  return scratchState;
};

// Lowercase hex SHA-256 of the UTF-8 text (item 2 of the draw algorithm).
export const sha256Hex = (text: string): string => wordsToHex(sha256Words(utf8.encode(text)));

// The digest of the UTF-8 text read as a big-endian unsigned integer (item 5: int(SHA-256(...))).
export const sha256BigInt = (text: string): bigint => BigInt(`0x${sha256Hex(text)}`);

// int(SHA-256(text)) mod n without building the 256-bit integer: Horner's rule over 16-bit halves of the
// digest stays exact in doubles while n ≤ 2^37; larger n take the BigInt path. Same value either way.
export const sha256Mod = (text: string, n: number): number => {
  if (n > 2 ** 37) return Number(sha256BigInt(text) % BigInt(n));
  const words = shortDigest(text);
  let rest = 0;
  for (let index = 0; index < 8; index++) {
    const word = (words[index] as number) >>> 0;
    rest = (rest * 0x10000 + (word >>> 16)) % n;
    rest = (rest * 0x10000 + (word & 0xffff)) % n;
  }
  return rest;
};
