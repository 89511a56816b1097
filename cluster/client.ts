import pg from 'pg';

// What the cluster's tests know of the cluster (scripts/cluster.mjs passes it in the environment).
const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests with node scripts/cluster.mjs test`);
  return value;
};

export const cluster = {
  url: required('CLUSTER_URL'),
  clock: required('CLUSTER_CLOCK'),
  // name=pid=port of each API server
  servers: required('CLUSTER_SERVERS')
    .split(',')
    .map((entry) => {
      const [name, pid, port] = entry.split('=') as [string, string, string];
      return { name, pid: Number(pid), url: `http://127.0.0.1:${port}` };
    }),
  primaryUrl: required('CLUSTER_PRIMARY_URL'),
  replicaUrl: required('CLUSTER_REPLICA_URL'),
  pgBin: required('CLUSTER_PG_BIN'),
  replicaData: required('CLUSTER_REPLICA_DATA'),
  primaryData: required('CLUSTER_PRIMARY_DATA'),
};

// the server's day (its clock started at CLUSTER_CLOCK), in Beijing
export const serverToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.parse(cluster.clock)));

export type Client = {
  call: (method: string, path: string, body?: unknown, base?: string) => Promise<Response>;
  json: <T>(method: string, path: string, body?: unknown, base?: string) => Promise<T>;
};

// A user with a cookie jar, who may send each request to the proxy or to one server of their choosing.
export const signIn = async (username: string, base = cluster.url): Promise<Client> => {
  const jar = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown, at = base) => {
    const response = await fetch(`${at}${path}`, {
      method,
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(at + 1));
    }
    return response;
  };
  const json = async <T>(method: string, path: string, body?: unknown, at = base): Promise<T> => {
    const response = await call(method, path, body, at);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  await json('POST', '/api/v1/auth/login', { username, password: 'Inspecta@2026' });
  return { call, json };
};

export const sqlOn = async <T>(url: string, text: string, values: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
};
