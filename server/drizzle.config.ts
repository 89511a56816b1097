import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/{platform,modules}/**/*schema.ts',
  out: './server/drizzle',
});
