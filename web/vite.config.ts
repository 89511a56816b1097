import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

const nodeModules = (...packages: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${packages.join('|')})[\\\\/]`);

export default defineConfig(({ mode }) => {
  // INSPECTA_API_URL points the dev/preview proxy at another server (default: the local one)
  const env = loadEnv(mode, '.', 'INSPECTA_');
  const proxy = { '/api': { target: env.INSPECTA_API_URL ?? 'http://localhost:3000' } };
  return {
    plugins: [react()],
    server: { port: 5173, proxy },
    preview: { port: 4173, proxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // the largest chunks are antd's shell (about 505 kB) and ECharts (about 530 kB, dashboards only)
      chunkSizeWarningLimit: 600,
      rolldownOptions: {
        output: {
          // Vendor code in chunks named for what they hold, cached across releases of the app:
          // React and the router, the antd the shell needs on every page ($initial: reachable from the
          // entry without a dynamic import; the rest of antd is split per page by the bundler), and
          // ECharts, which only the dashboards load. Feature pages are split per route (routes.tsx).
          codeSplitting: {
            groups: [
              {
                name: 'vendor-react',
                test: nodeModules(
                  'react',
                  'react-dom',
                  'scheduler',
                  'react-router',
                  'react-router-dom',
                  'cookie',
                ),
                priority: 30,
              },
              { name: 'vendor-query', test: nodeModules('@tanstack', 'openapi-fetch'), priority: 25 },
              { name: 'vendor-echarts', test: nodeModules('echarts', 'zrender', 'tslib'), priority: 20 },
              {
                name: 'vendor-antd',
                test: nodeModules(
                  'antd',
                  '@ant-design',
                  '@rc-component',
                  '@emotion',
                  'stylis',
                  'dayjs',
                  '@babel',
                ),
                tags: ['$initial'],
                priority: 10,
              },
            ],
          },
        },
      },
    },
  };
});
