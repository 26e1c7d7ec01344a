// What the simulated notifier recorded (table sim_notify_sent), per recipient.
import type { TestApp } from './app'

export interface SimSent {
  template_id: string
  page: string | null
  data: Record<string, { value: string }>
}

export function createSimulatedNotifyTest(t: () => TestApp) {
  return {
    to: (openid: string) => t().app.db.query<SimSent>('select template_id, page, data from sim_notify_sent where touser = $1 order by id', [openid]),
  }
}
