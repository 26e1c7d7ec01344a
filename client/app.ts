import { PropsWithChildren } from 'react'
import './app.css'
// H5: rem from the browser's font size, lang="zh-CN", focus outlines; weapp: aria attributes in templates.
import './components/ui/platform'
// Installs the expired-session handler before any page calls the API, whichever page opens first.
import './services/session'
// H5: the service worker that keeps the app for offline use (nothing on weapp).
import { registerServiceWorker } from './services/sw'
// The app's own answer to WeChat's privacy check (consent sheet, or the policy page).
import './services/privacy'
import { initElder } from './services/elder'

initElder()
registerServiceWorker()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
