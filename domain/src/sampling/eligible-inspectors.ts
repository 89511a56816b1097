// The roster positions still open to a team, as an order-statistic tree (Fenwick): taking the r-th
// eligible officer in sorted order costs O(log n), so a draw of 50,000 teams from 20,000 officers does not
// rebuild a 20,000-name list per enterprise. The result is exactly item 7's "eligible, in the sorted order".

export type EligibleInspectors = {
  count: () => number;
  isOpen: (position: number) => boolean;
  close: (position: number) => void;
  open: (position: number) => void;
  // 0-based roster position of the rank-th (1-based) open position
  at: (rank: number) => number;
};

export const eligibleInspectors = (size: number): EligibleInspectors => {
  const tree = new Int32Array(size + 1);
  const state = new Uint8Array(size).fill(1);
  for (let index = 1; index <= size; index++) {
    tree[index] = (tree[index] ?? 0) + 1;
    const parent = index + (index & -index);
    if (parent <= size) tree[parent] = (tree[parent] ?? 0) + (tree[index] ?? 0);
  }
  let total = size;
  const add = (position: number, delta: number) => {
    for (let index = position + 1; index <= size; index += index & -index)
      tree[index] = (tree[index] ?? 0) + delta;
    total += delta;
  };
  let topBit = 1;
  while (topBit * 2 <= size) topBit *= 2;
  return {
    count: () => total,
    isOpen: (position) => state[position] === 1,
    close: (position) => {
      if (state[position] !== 1) return;
      state[position] = 0;
      add(position, -1);
    },
    open: (position) => {
      if (state[position] !== 0) return;
      state[position] = 1;
      add(position, 1);
    },
    at: (rank) => {
      let index = 0;
      let left = rank;
      for (let step = topBit; step > 0; step >>= 1) {
        const next = index + step;
        if (next <= size && (tree[next] ?? 0) < left) {
          index = next;
          left -= tree[next] ?? 0;
        }
      }
      return index;
    },
  };
};
