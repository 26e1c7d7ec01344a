import { defineFunction } from '../../platform/handler'
import { listUnions } from '../../domain/union/service'

export const fn = defineFunction('union', {
  list: { access: 'user', run: ({ app, caller }, input) => listUnions(app, caller, input) },
})
export const main = fn.main
