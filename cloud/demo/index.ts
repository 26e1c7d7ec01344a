// Demo data for `npm start` and the tests: loaded by the caller after the app starts, once per database.
// Deployed functions never import this module (scripts/build-cloud.ts checks the bundles, .dependency-cruiser.cjs the imports).
import type { App } from '../platform/app'
import { seedDemo } from './base'
import { seedSubsidyDemo } from './subsidy'

export async function loadDemo(app: App): Promise<void> {
  await seedDemo(app)
  await seedSubsidyDemo(app)
}
