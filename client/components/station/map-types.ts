import type { StationSummary } from '../../../types/station'

export interface StationMapProps {
  /** Search origin, GCJ-02. */
  lat: number
  lng: number
  /** Show the member's own position dot (only when the origin is the device's position). */
  showLocation: boolean
  items: StationSummary[]
  onOpen: (id: string) => void
}
