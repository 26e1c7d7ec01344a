// The prerendered first screen exists only in the H5 build (config/h5-shell; shell.h5.ts takes it over).
// Elsewhere there is nothing to take over.
import type { ActionOutput } from '../../types'

export interface ShellOrigin {
  lat: number
  lng: number
}
export type NearbyPage = ActionOutput<'station', 'nearby'>

export const shellOrigin = (): ShellOrigin | null => null
export const shellNearby = (_origin: ShellOrigin): Promise<NearbyPage | null> | null => null
export const shellDone = (): void => undefined
