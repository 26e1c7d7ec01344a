// Evidence files on hardship applications: a member attaches only their own uploads, each once, and
// only to their own application while it is under review.
import type { Queryable } from '../../db'
import { AppError } from '../../platform/errors'
import { OPEN_APPLICATION_STATUSES } from '../../../types/subsidy-labels'
import { sqlList } from '../../db/sql'

const notYours = () => new AppError('FORBIDDEN', '只能为自己正在办理的申请上传证明材料')

/** The caller's own application, still under review; FORBIDDEN for anyone else's (or a closed one). */
export async function ownOpenApplication(q: Queryable, userId: string, applicationId: string): Promise<void> {
  const rows = /^[0-9a-f-]{36}$/.test(applicationId)
    ? await q.query(
        `select 1 from subsidy_applications a join members m on m.id = a.member_id
         where a.id = $1 and m.user_id = $2 and a.status in ${sqlList(OPEN_APPLICATION_STATUSES)}`,
        [applicationId, userId],
      )
    : []
  if (!rows.length) throw notYours()
}

/** A supplementary file appended to the application's evidence list (upload with applicationId). */
export async function addEvidence(q: Queryable, applicationId: string, fileId: string): Promise<void> {
  await q.query(`update subsidy_applications set evidence = evidence || $2::jsonb, updated_at = now() where id = $1`, [
    applicationId,
    JSON.stringify([{ kind: 'other', ref: '补充材料', fileId }]),
  ])
}

/**
 * Files named by a new application's evidence become its own: each must be an evidence upload by this
 * user not yet attached anywhere. Runs in the application's transaction, so a refusal stores nothing.
 */
export async function attachEvidence(q: Queryable, userId: string, applicationId: string, evidence: { fileId?: string }[], at: Date): Promise<void> {
  const ids = [...new Set(evidence.map((e) => e.fileId).filter((x): x is string => !!x))]
  if (!ids.length) return
  const done = await q.query(
    `update files set application_id = $1, attached_at = $4
     where id = any($2::uuid[]) and owner_user_id = $3 and purpose = 'evidence' and application_id is null returning id`,
    [applicationId, ids, userId, at],
  )
  if (done.length !== ids.length) throw new AppError('FORBIDDEN', '证明材料中有不是您上传的文件，或已用于其他申请')
}
