// Ordered list of migrations; imported statically so bundled cloud functions carry them.
import m001 from './001_foundation'
import m002 from './002_stations'

export const migrations: { name: string; sql: string }[] = [
  { name: '001_foundation', sql: m001 },
  { name: '002_stations', sql: m002 },
]
