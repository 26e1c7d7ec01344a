import { defineFunction } from '../../platform/handler'
import * as campaigns from '../../domain/campaign/service'

export const fn = defineFunction('campaign', {
  save: { access: 'staff', run: ({ app, caller }, input) => campaigns.save(app, caller, input) },
  publish: { access: 'staff', run: ({ app, caller }, input) => campaigns.publish(app, caller, input.id) },
  close: { access: 'staff', run: ({ app, caller }, input) => campaigns.close(app, caller, input.id) },
  feed: { access: 'user', run: ({ app, caller }, input) => campaigns.feed(app, caller, input) },
  detail: { access: 'user', run: ({ app, caller }, input) => campaigns.detail(app, caller, input.id) },
  join: { access: 'user', run: ({ app, caller }, input) => campaigns.join(app, caller, input.id) },
  myClaims: { access: 'user', run: ({ app, caller }) => campaigns.myClaims(app, caller) },
  verifyClaim: { access: 'staff', run: ({ app, caller }, input) => campaigns.verifyClaim(app, caller, input.code) },
  stats: { access: 'staff', run: ({ app, caller }, input) => campaigns.stats(app, caller, input) },
  list: { access: 'staff', run: ({ app, caller }, input) => campaigns.list(app, caller, input) },
})
export const main = fn.main
