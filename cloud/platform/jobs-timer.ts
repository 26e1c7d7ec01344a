// The gateway's jobs timer (croner): asks runDueJobs every minute. The `jobs` cloud function's timer trigger
// asks the same entry; neither needs more from its timer, since job_runs slots decide what runs.
import { Cron } from 'croner'
import type { App } from './app'
import { runDueJobs, type Job } from './jobs'

/**
 * The gateway's timer: calls runDueJobs at the start of every minute (croner) and once just after start,
 * never two ticks at once. Returns a stop function that waits for a tick in flight.
 */
export function startJobs(app: App, jobs: Job[], pattern = '* * * * *'): () => Promise<void> {
  let running: Promise<void> | null = null
  const tick = () => {
    if (running) return
    running = runDueJobs(app, jobs)
      .then((outcomes) => {
        const done = outcomes.filter((o) => o.status !== 'skipped')
        if (done.length) app.log.debug({ jobs: done }, 'jobs ran')
      })
      .catch((e) => app.log.error({ err: e }, 'job tick failed'))
      .finally(() => {
        running = null
      })
  }
  const first = setTimeout(tick, 1_000)
  first.unref()
  const cron = new Cron(pattern, { name: 'jobs', unref: true }, tick)
  return async () => {
    clearTimeout(first)
    cron.stop()
    await running
  }
}
