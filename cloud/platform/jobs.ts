// Scheduled jobs in the gateway process. Each job is idempotent (conditional updates), so two processes
// running the same job at once change nothing twice; a run never overlaps the previous one.
import type { App } from './app'

export interface Job {
  name: string
  everyMs: number
  run(app: App): Promise<unknown>
}

export function startJobs(app: App, jobs: Job[]): () => void {
  const timers = jobs.map((job) => {
    let running = false
    const tick = async () => {
      if (running) return
      running = true
      try {
        const result = await job.run(app)
        if (result) app.log.debug({ job: job.name, result }, 'job ran')
      } catch (e) {
        app.log.error({ err: e, job: job.name }, 'job failed')
      } finally {
        running = false
      }
    }
    const t = setInterval(tick, job.everyMs)
    t.unref()
    return t
  })
  return () => timers.forEach(clearInterval)
}
