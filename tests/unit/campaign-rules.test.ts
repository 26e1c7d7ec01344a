import { joinBlocker, newClaimCode, reaches, type Joinable, type Targeting } from '../../cloud/domain/campaign/rules'

const street = '/city/district/street/'
const member = { path: `${street}company/`, occupation: 'courier', district: '朝阳区' }
const everyone: Targeting = { path: street, audience_occupations: null, audience_districts: null }

describe('campaign audience', () => {
  it('should reach every member of the posting union subtree when no occupation or district is named', () => {
    expect(reaches(everyone, member)).toBe(true)
    expect(reaches(everyone, { ...member, path: street })).toBe(true)
    expect(reaches(everyone, { ...member, path: '/city/district/other/' })).toBe(false)
  })

  it('should treat empty arrays as no narrowing, the same as null', () => {
    expect(reaches({ ...everyone, audience_occupations: [], audience_districts: [] }, member)).toBe(true)
    expect(reaches({ ...everyone, audience_occupations: [], audience_districts: [] }, { ...member, district: null })).toBe(true)
  })

  it('should narrow to the named occupations and districts when arrays are given', () => {
    expect(reaches({ ...everyone, audience_occupations: ['courier', 'food_delivery'] }, member)).toBe(true)
    expect(reaches({ ...everyone, audience_occupations: ['food_delivery'] }, member)).toBe(false)
    expect(reaches({ ...everyone, audience_districts: ['朝阳区'] }, member)).toBe(true)
    expect(reaches({ ...everyone, audience_districts: ['海淀区'] }, member)).toBe(false)
    expect(reaches({ ...everyone, audience_districts: ['朝阳区'] }, { ...member, district: null })).toBe(false)
  })
})

describe('joining a campaign', () => {
  const now = new Date('2026-11-24T04:00:00Z')
  const open: Joinable = { ...everyone, action: 'claim', status: 'published', starts_at: new Date('2026-11-01T00:00:00Z'), ends_at: new Date('2026-12-31T00:00:00Z'), quota: 10, taken: 3, my_joined_at: null }

  it('should let a member in the audience join an open campaign with places left', () => {
    expect(joinBlocker(open, member, now)).toBeNull()
  })

  it('should answer a code with each reason instead of deriving it from the message', () => {
    expect(joinBlocker({ ...open, taken: 10 }, member, now)).toEqual({ code: 'QUOTA_FULL', message: '名额已满' })
    expect(joinBlocker({ ...open, action: 'buy' }, member, now)?.code).toBe('INVALID_STATE')
    expect(joinBlocker(open, null, now)?.code).toBe('NOT_ELIGIBLE')
    expect(joinBlocker({ ...open, status: 'closed' }, member, now)).toEqual({ code: 'NOT_ELIGIBLE', message: '活动已结束' })
    expect(joinBlocker({ ...open, audience_occupations: ['food_delivery'] }, member, now)?.code).toBe('NOT_ELIGIBLE')
    expect(joinBlocker({ ...open, my_joined_at: now }, member, now)?.message).toBe('您已领取，请凭领取码到站点领取')
  })

  it('should draw claim codes of 8 characters without look-alikes', () => {
    for (let i = 0; i < 50; i++) expect(newClaimCode()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
  })
})
