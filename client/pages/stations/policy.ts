// The finder's starting radius and page size, read from config/policies/stations.json when the client is
// built (the bundler inlines the two numbers), so the page never keeps a copy of them.
import policy from '../../../config/policies/stations.json'

export const DEFAULT_RADIUS_M: number = policy.nearbyDefaultRadiusM
export const PAGE_SIZE: number = policy.nearbyDefaultLimit
