import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API the dev server (and `vite preview`) forwards /api to; DABIAO_API points it elsewhere.
const api = process.env.DABIAO_API ?? 'http://127.0.0.1:3000';

// The built app is served by apps/server from apps/web/dist; in development Vite proxies the API.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          antd: ['antd', '@ant-design/icons'],
          echarts: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': api },
  },
  preview: {
    port: 4173,
    proxy: { '/api': api },
  },
});
