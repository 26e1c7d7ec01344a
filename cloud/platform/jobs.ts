// Scheduled jobs: one entry, runDueJobs, called every minute by the gateway's timer (./jobs-timer) and by
// the `jobs` cloud function's timer trigger. The timer only says when to ask; job_runs is
// the guarantee. Each job runs once per period slot across every process and instance:
// the first caller claims (job, slot) in job_runs; later callers in that slot skip it.
// A slot whose run failed, or whose run never finished (a killed instance), is claimed again by the next
// tick within the slot, up to MAX_ATTEMPTS; after that the job waits for its next slot.
import type { App } from './app'
import type { Queryable } from '../db'

export interface Job {
  name: string
  /** The period: the job runs once per slot of this many minutes (slots aligned to the Unix epoch). */
  everyMinutes: number
  run(app: App): Promise<unknown>
}

export type JobOutcome =
  | { job: string; slot: string; status: 'ran'; attempt: number; result: unknown }
  | { job: string; slot: string; status: 'failed'; attempt: number; error: string }
  | { job: string; slot: string; status: 'skipped' }

const MAX_ATTEMPTS = 3
/** A run unfinished after this long is taken for dead (function timeouts are far shorter). */
const STALE_MS = 10 * 60_000
const KEEP_DAYS = 7

export function slotOf(at: Date, everyMinutes: number): Date {
  const period = everyMinutes * 60_000
  return new Date(Math.floor(at.getTime() / period) * period)
}

/** Claims the slot: returns the attempt number, or null when another caller has it or it is done. */
async function claim(db: Queryable, job: string, slot: Date, now: Date): Promise<number | null> {
  const rows = await db.query<{ attempts: number }>(
    `insert into job_runs (job, slot, started_at) values ($1, $2, $3)
     on conflict (job, slot) do update set attempts = job_runs.attempts + 1, started_at = excluded.started_at, finished_at = null, result = null, error = null
       where job_runs.attempts < $4 and (job_runs.error is not null or (job_runs.finished_at is null and job_runs.started_at < $5))
     returning attempts`,
    [job, slot, now, MAX_ATTEMPTS, new Date(now.getTime() - STALE_MS)],
  )
  return rows[0]?.attempts ?? null
}

const finish = (db: Queryable, job: string, slot: Date, attempt: number, at: Date, result: unknown, error: string | null) =>
  db.query('update job_runs set finished_at = $4, result = $5, error = $6 where job = $1 and slot = $2 and attempts = $3', [
    job,
    slot,
    attempt,
    at,
    error === null ? JSON.stringify(result ?? null) : null,
    error,
  ])

/** Runs, one after another, every job whose slot at `at` nobody has claimed yet. */
export async function runDueJobs(app: App, jobs: Job[], at: Date = app.now()): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = []
  for (const job of jobs) {
    const slot = slotOf(at, job.everyMinutes)
    const slotIso = slot.toISOString()
    const attempt = await claim(app.db, job.name, slot, app.now())
    if (attempt === null) {
      outcomes.push({ job: job.name, slot: slotIso, status: 'skipped' })
      continue
    }
    try {
      const result = await job.run(app)
      await finish(app.db, job.name, slot, attempt, app.now(), result, null)
      outcomes.push({ job: job.name, slot: slotIso, status: 'ran', attempt, result: result ?? null })
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500)
      app.log.error({ err: e, job: job.name, slot: slotIso, attempt }, 'job failed')
      await finish(app.db, job.name, slot, attempt, app.now(), null, error).catch(() => undefined)
      outcomes.push({ job: job.name, slot: slotIso, status: 'failed', attempt, error })
    }
  }
  for (const o of outcomes) app.metrics.job(o.job, o.status)
  return outcomes
}

/** Forgets runs older than a week. */
export async function pruneJobRuns(app: App): Promise<{ deleted: number }> {
  const rows = await app.db.query('delete from job_runs where slot < $1 returning 1', [new Date(app.now().getTime() - KEEP_DAYS * 86400_000)])
  return { deleted: rows.length }
}
