import { defineFunction } from '../../platform/handler'
import { detail, nearby } from '../../domain/station/finder'
import { checkIn, rate, report } from '../../domain/station/visits'
import { close, reopen, save } from '../../domain/station/records'
import { ranking, stats } from '../../domain/station/figures'
import { list } from '../../domain/station/list'

export const fn = defineFunction('station', {
  // The finder is public; check-in and rating need a session.
  nearby: { access: 'public', run: ({ app }, input) => nearby(app, input) },
  detail: { access: 'public', run: ({ app, caller }, input) => detail(app, caller, input) },
  checkIn: { access: 'user', run: ({ app, caller }, input) => checkIn(app, caller, input.stationId) },
  rate: { access: 'user', run: ({ app, caller }, input) => rate(app, caller, input) },
  report: { access: 'user', run: ({ app, caller }, input) => report(app, caller, input) },
  save: { access: 'staff', run: ({ app, caller }, input) => save(app, caller, input) },
  close: { access: 'staff', run: ({ app, caller }, input) => close(app, caller, input) },
  reopen: { access: 'staff', run: ({ app, caller }, input) => reopen(app, caller, input) },
  stats: { access: 'staff', run: ({ app, caller }, input) => stats(app, caller, input) },
  ranking: { access: 'staff', run: ({ app, caller }, input) => ranking(app, caller, input) },
  list: { access: 'staff', run: ({ app, caller }, input) => list(app, caller, input) },
})
export const main = fn.main
