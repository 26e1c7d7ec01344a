// Prometheus metrics (prom-client), one registry per app: calls and their latency per function.action and
// outcome, job runs and failures, and the database pool, served by the gateway at /metrics.
import { Counter, Gauge, Histogram, Registry } from 'prom-client'

export interface Metrics {
  readonly registry: Registry
  call(fn: string, action: string, code: string, seconds: number): void
  job(name: string, status: 'ran' | 'failed' | 'skipped'): void
}

export interface PoolStats {
  total: number
  idle: number
  waiting: number
}

export function createMetrics(pool?: () => PoolStats | null): Metrics {
  const registry = new Registry()
  const calls = new Counter({ name: 'wu_calls_total', help: 'Function calls by function, action and outcome code', labelNames: ['fn', 'action', 'code'], registers: [registry] })
  const latency = new Histogram({
    name: 'wu_call_seconds',
    help: 'Function call latency by function and action',
    labelNames: ['fn', 'action'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const jobs = new Counter({ name: 'wu_job_runs_total', help: 'Job slots run, failed or skipped (another instance had them)', labelNames: ['job', 'status'], registers: [registry] })
  if (pool) {
    new Gauge({
      name: 'wu_db_pool_connections',
      help: 'Database pool connections by state',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const s = pool()
        if (!s) return
        this.set({ state: 'total' }, s.total)
        this.set({ state: 'idle' }, s.idle)
        this.set({ state: 'waiting' }, s.waiting)
      },
    })
  }
  return {
    registry,
    call(fn, action, code, seconds) {
      calls.inc({ fn, action, code })
      latency.observe({ fn, action }, seconds)
    },
    job(name, status) {
      jobs.inc({ job: name, status })
    },
  }
}
