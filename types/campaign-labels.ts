// Campaign vocabulary, free of zod so pages can import it at runtime (types/campaign.ts re-exports it).

export const CAMPAIGN_KINDS = ['send_warmth', 'send_coolness', 'holiday_visit', 'relief_buying', 'membership_drive', 'school_aid', 'station_award', 'activity'] as const
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number]
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  send_warmth: '送温暖',
  send_coolness: '送清凉',
  holiday_visit: '两节慰问',
  relief_buying: '消费帮扶',
  membership_drive: '建会入会',
  school_aid: '金秋助学',
  station_award: '最美驿站评选',
  activity: '文体活动',
}

export const CAMPAIGN_ACTIONS = ['signup', 'claim', 'buy'] as const
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number]
export const CAMPAIGN_ACTION_LABELS: Record<CampaignAction, string> = { signup: '报名', claim: '领取', buy: '购买' }

export const CAMPAIGN_STATUSES = ['draft', 'published', 'closed'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: '草稿', published: '进行中', closed: '已结束' }
