// Every staff page in both modes (normal and 长辈版) with axe-core and the measured MIIT checks
// (tests/support/a11y-pages.ts). Member pages: a11y-member.test.ts.
import { describeA11y, type A11yPage } from '../support/a11y-pages'
import { gatewayCall, gatewayToken } from '../support/a11y'

const PAGES: A11yPage[] = [
  { route: 'packages/console/index/index', user: 'demo-staff', main: true },
  { route: 'packages/console/login/index', user: 'demo-staff' },
  { route: 'packages/admin/review/index', user: 'demo-staff' },
  { route: 'packages/admin/verify/index', user: 'demo-staff' },
  { route: 'packages/campaign/manage/index', user: 'demo-staff' },
  { route: 'packages/campaign/edit/index', user: 'demo-staff' },
  { route: 'packages/campaign/verify/index', user: 'demo-staff' },
  { route: 'packages/stations/manage/index', user: 'demo-staff' },
  { route: 'packages/subsidy/queue/index', user: 'demo-staff' },
  { route: 'packages/subsidy/files/index', user: 'demo-staff', main: true },
  { route: (i) => `packages/subsidy/file/index?fileId=${i.file}`, user: 'demo-staff' },
  { route: 'packages/subsidy/budget/index', user: 'demo-staff' },
  { route: 'packages/shop/bulk/index', user: 'demo-staff' },
  { route: 'packages/shop/ledger/index', user: 'demo-staff', main: true },
]

describeA11y('staff pages', PAGES, async (s) => {
  const token = await gatewayToken(s, 'demo-staff')
  const files = await gatewayCall<{ items: { fileId: string }[] }>(s, 'subsidy', 'files', { filter: 'all', limit: 5 }, token)
  return { file: files.items[0].fileId }
})
