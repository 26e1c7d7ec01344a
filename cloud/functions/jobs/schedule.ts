// The schedule, shared by the `jobs` cloud function and the gateway's timer (cloud/server.ts): which jobs run, how often.
// Every job is idempotent (conditional updates), so a retried slot changes nothing twice.
import { pruneJobRuns, type Job } from '../../platform/jobs'
import { autoConfirm, expireDue } from '../../domain/shop/lifecycle'
import { reconcilePayments } from '../../domain/shop/payments'
import { monitorFiles } from '../../domain/subsidy/monitoring'

export const JOBS: Job[] = [
  { name: 'shop.expireUnpaid', everyMinutes: 1, run: (app) => expireDue(app) },
  { name: 'shop.reconcilePayments', everyMinutes: 1, run: (app) => reconcilePayments(app) },
  { name: 'shop.autoConfirm', everyMinutes: 60, run: (app) => autoConfirm(app) },
  { name: 'subsidy.monitorFiles', everyMinutes: 6 * 60, run: (app) => monitorFiles(app) },
  { name: 'platform.pruneJobRuns', everyMinutes: 24 * 60, run: (app) => pruneJobRuns(app) },
]
