// Four eyes on cases: which of these households' cases are the caller's own (see isOwnCase for who counts).
import type { Queryable } from '../../db'
import { AppError } from '../../platform/errors'
import { isOwnCase, OWN_CASE } from './review-rules'
import { casePartiesOf, personOf } from './store'

/** The members (by member id) whose case the user may not decide: their own, or their household's. */
export async function ownCases(q: Queryable, userId: string, memberIds: string[]): Promise<Set<string>> {
  const me = await personOf(q, userId)
  const parties = await casePartiesOf(q, [...new Set(memberIds)])
  return new Set([...parties].filter(([, c]) => isOwnCase(me, c)).map(([id]) => id))
}

export async function assertNotOwnCase(q: Queryable, userId: string, memberId: string): Promise<void> {
  if ((await ownCases(q, userId, [memberId])).size) throw new AppError('FORBIDDEN', OWN_CASE)
}
