import { defineFunction } from '../../platform/handler'
import * as stations from '../../domain/station/service'
import { list } from '../../domain/station/list'

export const fn = defineFunction('station', {
  // The finder is public; check-in and rating need a session.
  nearby: { access: 'public', run: ({ app }, input) => stations.nearby(app, input) },
  detail: { access: 'public', run: ({ app, caller }, input) => stations.detail(app, caller, input) },
  checkIn: { access: 'user', run: ({ app, caller }, input) => stations.checkIn(app, caller, input.stationId) },
  rate: { access: 'user', run: ({ app, caller }, input) => stations.rate(app, caller, input) },
  report: { access: 'user', run: ({ app, caller }, input) => stations.report(app, caller, input) },
  save: { access: 'staff', run: ({ app, caller }, input) => stations.save(app, caller, input) },
  close: { access: 'staff', run: ({ app, caller }, input) => stations.close(app, caller, input) },
  reopen: { access: 'staff', run: ({ app, caller }, input) => stations.reopen(app, caller, input) },
  stats: { access: 'staff', run: ({ app, caller }, input) => stations.stats(app, caller, input) },
  ranking: { access: 'staff', run: ({ app, caller }, input) => stations.ranking(app, caller, input) },
  list: { access: 'staff', run: ({ app, caller }, input) => list(app, caller, input) },
})
export const main = fn.main
