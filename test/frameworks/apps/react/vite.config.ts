import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// create-vite's template, plus docs/npm.md's plain HTML page as a second page.
export default defineConfig({
  plugins: [react()],
  build: { rollupOptions: { input: { main: 'index.html', plain: 'plain.html' } } },
})
