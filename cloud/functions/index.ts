// The functions the gateway mounts at POST /api/<name>, for the gateway and the tests (jobs and payNotify stand alone).
import { fn as auth } from './auth'
import { fn as union } from './union'
import { fn as member } from './member'
import { fn as station } from './station'
import { fn as shop } from './shop'
import { fn as campaign } from './campaign'
import { fn as consoleFn } from './console'
import { fn as admin } from './admin'
import { fn as subsidy } from './subsidy'
import { fn as file } from './file'
import { fn as notify } from './notify'

export const functions = { auth, union, member, station, shop, campaign, subsidy, console: consoleFn, admin, file, notify } as const
