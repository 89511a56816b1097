// issue 11 item 13: the web counts "today" by the server's clock (Asia/Shanghai), told on every answer
// (x-server-time), so a computer whose clock is wrong, or a server started on a given day for tests, still
// proposes the right day and month.
let offsetMs = 0;

export const noteServerTime = (header: string | null): void => {
  const at = header ? Date.parse(header) : Number.NaN;
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
};

export const serverNow = (): number => Date.now() + offsetMs;
