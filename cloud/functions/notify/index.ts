import { defineFunction } from '../../platform/handler'
import { markRead, mine, optIn, templates } from '../../domain/notify/inbox'

export const fn = defineFunction('notify', {
  templates: { access: 'public', run: async ({ app }) => templates(app) },
  optIn: { access: 'user', run: ({ app, caller }, input) => optIn(app, caller, input) },
  mine: { access: 'user', run: ({ app, caller }, input) => mine(app, caller, input) },
  read: { access: 'user', run: ({ app, caller }, input) => markRead(app, caller, input) },
})
export const main = fn.main
