// The zod-free labels the main package uses must say exactly what the contract says.
import { CARD_STATUSES, CARD_STATUS_LABELS, OCCUPATIONS, OCCUPATION_LABELS } from '../../types/member'
import { ROLES } from '../../types/auth'
import { CARD_STATUS_TEXT, OCCUPATION_ORDER, OCCUPATION_TEXT, ROLE_TEXT, dayText } from '../../client/services/labels'

describe('client labels', () => {
  test('occupations: same order (new-employment groups first) and same Chinese labels as types/member', () => {
    expect(OCCUPATION_ORDER).toEqual([...OCCUPATIONS])
    expect(OCCUPATION_TEXT).toEqual(OCCUPATION_LABELS)
  })
  test('card statuses and roles have a label each', () => {
    expect(CARD_STATUS_TEXT).toEqual(CARD_STATUS_LABELS)
    expect(Object.keys(CARD_STATUS_TEXT).sort()).toEqual([...CARD_STATUSES].sort())
    expect(Object.keys(ROLE_TEXT).sort()).toEqual([...ROLES].sort())
    expect(ROLE_TEXT.staff).toBe('工会工作人员')
  })
  test('dates show as a day, missing as a dash', () => {
    expect(dayText(null)).toBe('—')
    expect(dayText('2026-03-08T04:00:00.000Z')).toMatch(/^2026-03-0[78]$/)
  })
})
