// Small helpers shared by the campaign pages.
import { CAMPAIGN_ACTION_LABELS, CAMPAIGN_KIND_LABELS, type CampaignAction, type CampaignKind } from '../../../types/campaign-labels'

export const kindLabel = (k: CampaignKind) => CAMPAIGN_KIND_LABELS[k]
export const actionLabel = (a: CampaignAction) => CAMPAIGN_ACTION_LABELS[a]

/** "12月01日 09:00" in the phone's time zone (members are in China). */
export function shortTime(iso: string): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getMonth() + 1)}月${p(d.getDate())}日 ${p(d.getHours())}:${p(d.getMinutes())}`
}
