import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API at /demo (same origin as the API, so the session cookie is shared).
export default defineConfig({
  base: '/demo/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
