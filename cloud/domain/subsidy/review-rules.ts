// Who may take an application's next step, and where it leads: a grassroots check, then a street or higher
// union's approval by another person, a public notice, then the file. Nobody decides their own or their
// household's case.
import { OPEN_APPLICATION_STATUSES, type ApplicationStatus, type OpenApplicationStatus } from '../../../types/subsidy-labels'
import { shanghai } from '../../platform/time'

export type Step = 'check' | 'approve' | 'notice'
export type Act = 'check' | 'approve' | 'finalize'

const APPROVER_LEVELS = ['street', 'district', 'city']
const DAY_MS = 86_400_000

export const isOpen = (s: ApplicationStatus): s is OpenApplicationStatus => (OPEN_APPLICATION_STATUSES as readonly string[]).includes(s)

/** The review step recorded for an open application's status, and the action the reviewer's screen names it. */
export const STEP_OF: Record<OpenApplicationStatus, { step: Step; act: Act }> = {
  submitted: { step: 'check', act: 'check' },
  checked: { step: 'approve', act: 'approve' },
  notice: { step: 'notice', act: 'finalize' },
}

/**
 * The people a case is about, as far as the data names people: the household lists relations and incomes,
 * not persons, so a household is known by the applicant's account and by its phones (the applicant's
 * member record and every contact phone its applications gave, as keyed hashes).
 */
export interface CaseParties {
  userId: string
  phoneHashes: string[]
}

/** A staff member as a person: their account and, when they hold a member record, its phone's keyed hash. */
export interface Person {
  userId: string
  phoneHash: string | null
}

export const OWN_CASE = '这是您本人或家庭成员的帮扶事项，须由其他工作人员办理'

/** The applicant themself (the same account, so the same member record), or someone sharing the household's phone. */
export function isOwnCase(me: Person, c: CaseParties): boolean {
  return me.userId === c.userId || (me.phoneHash !== null && c.phoneHashes.includes(me.phoneHash))
}

/** What the reviewer's side of a decision needs: who they are, their union's level, and whether the case is theirs. */
export interface Reviewer {
  userId: string
  isAdmin: boolean
  level: string | null
  ownCase: boolean
}

export const isApprover = (r: Pick<Reviewer, 'isAdmin' | 'level'>) => r.isAdmin || (r.level !== null && APPROVER_LEVELS.includes(r.level))

interface Pending {
  status: ApplicationStatus
  checked_by: string | null
  notice_ends_at: Date | null
}

/** What the reviewer may do now: check, approve, finalize after the notice, or nothing. */
export function canAct(r: Reviewer, a: Pending, now: Date): Act | null {
  if (r.ownCase) return null
  if (a.status === 'submitted') return 'check'
  if (a.status === 'checked') return isApprover(r) && a.checked_by !== r.userId ? 'approve' : null
  if (a.status === 'notice') return isApprover(r) && a.notice_ends_at && a.notice_ends_at <= now ? 'finalize' : null
  return null
}

export type Refusal = { code: 'INVALID_STATE' | 'CONFLICT' | 'FORBIDDEN'; message: string }

/** The step a review takes, or why this reviewer may not take it now (`seen` is the step their screen showed). */
export function reviewStep(r: Reviewer, a: Pending, seen: Act | undefined, now: Date): Step | Refusal {
  if (!isOpen(a.status)) return { code: 'INVALID_STATE', message: '该申请已办结，无需再审核' }
  const { step, act } = STEP_OF[a.status]
  if (seen && seen !== act) return { code: 'CONFLICT', message: '该申请已被其他人处理，请刷新后查看最新状态' }
  if (r.ownCase) return { code: 'FORBIDDEN', message: OWN_CASE }
  if (step !== 'check' && !isApprover(r)) return { code: 'FORBIDDEN', message: '审批和公示建档由街道（乡镇）或区县工会办理' }
  if (step === 'approve' && a.checked_by === r.userId) return { code: 'FORBIDDEN', message: '核实与审批须由不同的工作人员办理' }
  if (step === 'notice' && a.notice_ends_at && a.notice_ends_at > now) {
    return { code: 'INVALID_STATE', message: `公示期至 ${shanghai(a.notice_ends_at).format('YYYY年M月D日 HH:mm')} 结束，期满无异议后方可建档` }
  }
  return step
}

/** Where a decision leads: a rejection ends it; passing a check waits for approval, an approval opens the notice, the notice's end files it. */
export function reviewOutcome(step: Step, decision: 'pass' | 'reject', noticeEndsAt: Date | null, now: Date, noticeDays: number): { status: ApplicationStatus; noticeEndsAt: Date | null; files: boolean } {
  if (decision === 'reject') return { status: 'rejected', noticeEndsAt, files: false }
  if (step === 'check') return { status: 'checked', noticeEndsAt, files: false }
  if (step === 'approve') return { status: 'notice', noticeEndsAt: new Date(now.getTime() + noticeDays * DAY_MS), files: false }
  return { status: 'approved', noticeEndsAt, files: true }
}
