// Who may read a file. Evidence is personal: the applicant who uploaded it, and staff in scope of the
// application it belongs to. Station and product photos are public once attached. Pure.
import type { Caller } from '../../platform/caller'
import { inScope } from '../../platform/scope'
import type { FilePurpose } from '../../../types/file'

export interface FileFacts {
  purpose: FilePurpose
  ownerUserId: string
  /** The union path of the application an evidence file belongs to. */
  applicationUnionPath: string | null
  attached: boolean
}

export function mayRead(caller: Caller | null, f: FileFacts): boolean {
  if (f.purpose !== 'evidence' && f.attached) return true
  if (!caller) return false
  if (caller.userId === f.ownerUserId || caller.isAdmin) return true
  if (f.purpose === 'evidence') return !!f.applicationUnionPath && inScope(caller, { path: f.applicationUnionPath })
  return false
}
