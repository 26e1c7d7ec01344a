// The `jobs` cloud function: its timer trigger (every minute, config.json) runs the same job entry as the
// gateway's timer. Only the platform's timer may call it: a mini-program user (any OPENID) is refused.
import { appOrError } from '../../platform/app'
import { platformOpenid } from '../../platform/identity'
import { runDueJobs, type JobOutcome } from '../../platform/jobs'
import { JOBS } from './schedule'
import type { Envelope } from '../../../types/common'

interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time?: string
  Message?: string
}

const isTimer = (e: unknown): e is TimerEvent => !!e && typeof e === 'object' && (e as TimerEvent).Type === 'Timer' && typeof (e as TimerEvent).TriggerName === 'string'

/** The scheduled time of the tick, when it is a sane one (a late trigger still runs the slot it was meant for). */
function tickTime(event: TimerEvent, now: Date): Date {
  const t = event.Time ? new Date(event.Time) : null
  return t && !Number.isNaN(t.getTime()) && Math.abs(t.getTime() - now.getTime()) <= 5 * 60_000 ? t : now
}

export async function main(event: unknown, context?: unknown): Promise<Envelope<{ at: string; jobs: JobOutcome[] }>> {
  if (platformOpenid(context) !== null) return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由定时触发器调用' } }
  if (!isTimer(event)) return { ok: false, error: { code: 'VALIDATION_FAILED', message: '定时任务只接受定时触发器事件' } }
  const started = await appOrError()
  if ('error' in started) return { ok: false, error: started.error }
  const { app } = started
  const at = tickTime(event, app.now())
  try {
    const jobs = await runDueJobs(app, JOBS, at)
    const done = jobs.filter((j) => j.status !== 'skipped')
    if (done.length) app.log.info({ trigger: event.TriggerName, jobs: done }, 'jobs ran')
    return { ok: true, data: { at: at.toISOString(), jobs } }
  } catch (e) {
    // Claiming a slot failed (the database went away mid-tick): the next tick tries again.
    app.log.error({ err: e }, 'jobs tick failed')
    return { ok: false, error: { code: 'UNAVAILABLE', message: '定时任务暂时无法运行，将在下一分钟重试' } }
  }
}
