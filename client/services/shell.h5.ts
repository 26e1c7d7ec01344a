// Takes over from the prerendered first screen (config/h5-shell/boot.js, window.__wuShell): the position
// it located and the nearest-stations request it started, each used once, and its removal once the
// app's own page shows.
import type { NearbyPage, ShellOrigin } from './shell'

export type { NearbyPage, ShellOrigin } from './shell'

interface Boot {
  origin: ShellOrigin | null
  nearby: Promise<{ ok?: boolean; data?: NearbyPage } | null> | null
  done(): void
}

const boot = (): Boot | undefined => (typeof window === 'undefined' ? undefined : (window as { __wuShell?: Boot }).__wuShell)
const used = { origin: false, nearby: false }

/** Where the shell located the phone (GCJ-02), the first time only. */
export function shellOrigin(): ShellOrigin | null {
  const o = boot()?.origin
  if (used.origin || !o) return null
  used.origin = true
  return o
}

/** The shell's answer for this origin at the default radius and page size, once; null when it has none. */
export function shellNearby(origin: ShellOrigin): Promise<NearbyPage | null> | null {
  const b = boot()
  if (used.nearby || !b?.nearby || !b.origin || b.origin.lat !== origin.lat || b.origin.lng !== origin.lng) return null
  used.nearby = true
  return b.nearby.then(
    (r) => (r && r.ok && r.data ? r.data : null),
    () => null,
  )
}

export function shellDone(): void {
  boot()?.done()
}
