// The schedule: which domain jobs the gateway runs, and how often.
import type { Job } from './platform/jobs'
import { autoConfirm, expireDue } from './domain/shop/service'
import { reconcilePayments } from './domain/shop/payments'
import { monitorFiles } from './domain/subsidy/service'

export const JOBS: Job[] = [
  { name: 'shop.expireUnpaid', everyMs: 30_000, run: (app) => expireDue(app) },
  { name: 'shop.reconcilePayments', everyMs: 60_000, run: (app) => reconcilePayments(app) },
  { name: 'shop.autoConfirm', everyMs: 60 * 60_000, run: (app) => autoConfirm(app) },
  { name: 'subsidy.monitorFiles', everyMs: 6 * 60 * 60_000, run: (app) => monitorFiles(app) },
]
