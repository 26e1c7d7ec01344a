// Small helpers shared by the campaign pages.
import { monthDayTimeText } from '../../services/dates'
import { CAMPAIGN_ACTION_LABELS, CAMPAIGN_KIND_LABELS, type CampaignAction, type CampaignKind } from '../../../types/campaign-labels'

export const kindLabel = (k: CampaignKind) => CAMPAIGN_KIND_LABELS[k]
export const actionLabel = (a: CampaignAction) => CAMPAIGN_ACTION_LABELS[a]

/** "12月01日 09:00" in the phone's time zone (members are in China), with the year when not this year. */
export const shortTime = (iso: string, now?: number): string => monthDayTimeText(iso, now)
