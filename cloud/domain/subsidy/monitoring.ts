// The monitoring job: re-evaluates files whose data is older than the policy period, and flags households at
// risk of falling back. Incomes are compared after unsealing: no column holds them in plaintext.
import type { App } from '../../platform/app'
import type { Evaluation } from '../../../types/subsidy'
import { evaluate } from './rules'
import { recheckNote, riskReasons, staleBefore } from './monitor-rules'
import { today } from './context'
import { openEvaluation, openHousehold, openNote } from './store'
import { dueForRecheck, riskCandidates, setRecheck, setRisk } from './file-store'

const DAY_MS = 86_400_000
const BATCH = 500

export async function monitorFiles(app: App): Promise<{ reevaluated: number; atRisk: number }> {
  const now = app.now()
  const policy = app.policies.subsidy
  const due = await dueForRecheck(app.db, staleBefore(now, policy.reviewMonths), new Date(now.getTime() - DAY_MS), BATCH)
  for (const f of due) {
    const d = openHousehold(app.sealer, f.data_enc)
    let result: { evaluation: Evaluation } | { error: string }
    try {
      result = { evaluation: evaluate(policy, { region: d.region, household: d.household, conditions: d.conditions, event: d.event }, today(app)) }
    } catch (e) {
      result = { error: e instanceof Error ? e.message : '未知原因' }
    }
    // The file keeps the evaluation its category was decided on; a disagreement becomes a note for staff.
    const note = recheckNote(result, f.category)
    await setRecheck(app.db, app.sealer, f.id, note, 'evaluation' in result && !note ? result.evaluation : null, now)
  }

  let atRisk = 0
  for (const f of await riskCandidates(app.db)) {
    const latest = f.latest && { perCapitaFen: openEvaluation(app.sealer, f.latest.evaluation_enc).perCapitaFen, conditions: f.latest.conditions }
    const household = { status: f.status, region: f.region, perCapitaFen: openEvaluation(app.sealer, f.evaluation_enc).perCapitaFen, conditions: f.conditions }
    const reasons = riskReasons(policy, household, latest)
    const flag = reasons.length > 0
    const reason = flag ? reasons.join('；') : null
    if (flag) atRisk++
    if (flag !== f.at_risk || reason !== openNote(app.sealer, f.risk_reason_enc)) await setRisk(app.db, app.sealer, f.id, flag, reason)
  }
  return { reevaluated: due.length, atRisk }
}
