// create-vite's template-react-ts main.tsx, plus the docs' imports (docs/npm.md) before the first render.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import './elements.ts'
import './jsx-types.ts'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
