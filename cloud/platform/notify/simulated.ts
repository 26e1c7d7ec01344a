// The local stand-in: what WeChat would have been sent, recorded in sim_notify_sent (any instance sees it).
import type { Queryable } from '../../db'
import type { NotifyProvider } from './provider'

export function simulatedNotify(db: Queryable): NotifyProvider {
  return {
    name: 'simulated',
    async send(msg) {
      await db.query('insert into sim_notify_sent (notification_id, touser, template_id, page, data) values ($1, $2, $3, $4, $5)', [
        msg.notificationId,
        msg.touser,
        msg.templateId,
        msg.page ?? null,
        JSON.stringify(msg.data),
      ])
      return { sent: true }
    },
  }
}
