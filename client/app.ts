import { PropsWithChildren } from 'react'
import './app.css'
// Installs the expired-session handler before any page calls the API, whichever page opens first.
import './services/session'

function App({ children }: PropsWithChildren) {
  return children
}

export default App
