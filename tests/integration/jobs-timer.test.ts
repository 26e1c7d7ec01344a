// The gateway's jobs timer (croner): it asks runDueJobs at start and again on its schedule, so a failed
// run is retried within its slot by the next tick, and stopping it waits for a tick in flight.
import { startJobs } from '../../cloud/platform/jobs-timer'
import type { Job } from '../../cloud/platform/jobs'
import { startTestApp, type TestApp } from '../support/app'

describe('the gateway jobs timer', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('pglite')
  }, 60_000)
  afterAll(() => t?.close())

  it('should retry a failing job on its next ticks until it succeeds, and record the attempts', async () => {
    let calls = 0
    const flaky: Job = {
      name: 'test.timerFlaky',
      // A week-long slot, so all three ticks fall in one slot.
      everyMinutes: 7 * 24 * 60,
      run: async () => {
        calls++
        if (calls < 3) throw new Error(`attempt ${calls} fails`)
        return { calls }
      },
    }
    // Every second instead of every minute, so three ticks happen within the test.
    const stop = startJobs(t.app, [flaky], '* * * * * *')
    try {
      for (let i = 0; i < 200 && calls < 3; i++) await new Promise((r) => setTimeout(r, 100))
    } finally {
      await stop()
    }
    const [row] = await t.app.db.query<{ attempts: number; error: string | null; result: unknown }>('select attempts, error, result from job_runs where job = $1', [flaky.name])
    expect(row).toEqual({ attempts: 3, error: null, result: { calls: 3 } })
    expect(calls).toBe(3)
  }, 60_000)
})
