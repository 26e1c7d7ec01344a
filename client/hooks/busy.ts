// One action at a time on a page: `run(key, fn)` does nothing while another runs, and `busy` names the
// one running (so its button can spin while the others are disabled).
import { useRef, useState } from 'react'

export function useBusy() {
  const [busy, setBusy] = useState<string | null>(null)
  const running = useRef(false)
  const run = async (key: string, fn: () => Promise<unknown>): Promise<void> => {
    if (running.current) return
    running.current = true
    setBusy(key)
    try {
      await fn()
    } finally {
      running.current = false
      setBusy(null)
    }
  }
  return { busy, run }
}
