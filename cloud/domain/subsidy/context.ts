// What every subsidy service reads from the app besides the database: the business calendar (Asia/Shanghai)
// and the policy's programmes.
import type { Programme } from '../../../config/policies'
import type { App } from '../../platform/app'
import { shanghai } from '../../platform/time'

export const today = (app: App) => shanghai(app.now()).format('YYYY-MM-DD')

export function yearMonth(app: App): { year: number; month: number } {
  const d = shanghai(app.now())
  return { year: d.year(), month: d.month() + 1 }
}

export const programmeName = (app: App) => (id: string) => app.policies.subsidy.programmes.find((p) => p.id === id)?.name ?? id

/** The relief-purchase subsidy applied at shop checkout, if the policy has one. */
export const checkoutProgramme = (app: App): Programme | undefined => app.policies.subsidy.programmes.find((p) => p.kind === 'checkout')
