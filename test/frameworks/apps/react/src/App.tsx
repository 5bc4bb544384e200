// The app around the docs' DossierPage (src/DossierPage.tsx is docs/npm.md's React snippet) in
// create-vite's centred #root; the progress sits in the template's #center (a centring flex box).
import { useState } from 'react'
import { createHttpClient } from '@doorstroom/sdk'
import './App.css'
import { DossierPage } from './DossierPage.tsx'
import { auth } from './portal.ts'

// <ddd-progress> has no lang of its own: the page's <html lang="en"> is its nearest.
const progressApi = createHttpClient({ baseUrl: '/api', getToken: () => auth.getToken() })

export default function App() {
  const [sent, setSent] = useState<string>()
  return (
    <>
      <section id="center">
        <h1>Mijn doorstroomdossier</h1>
        <ddd-progress api={progressApi} dossier-id="dossier-noor" compact />
      </section>
      <main>
        <DossierPage id="dossier-noor" onDone={(dossier) => setSent(dossier.status)} />
        <p id="toast" role="status"></p>
        {sent ? <p id="sent">{sent}</p> : null}
      </main>
    </>
  )
}
