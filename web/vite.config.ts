import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

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
      // antd and React form one vendor chunk of about 750 kB; feature pages are split per route
      chunkSizeWarningLimit: 1000,
    },
  };
});
