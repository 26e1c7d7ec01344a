// Campaign rows: the columns staff write when saving a campaign (and the demo data writes).
import type { Queryable } from '../../db'
import type { CampaignAction, CampaignKind } from '../../../types/campaign'

export interface CampaignFields {
  unionId: string
  kind: CampaignKind
  title: string
  body: string
  startsAt: Date
  endsAt: Date
  action: CampaignAction
  quota: number | null
  /** null: every occupation, every district. */
  occupations: readonly string[] | null
  districts: readonly string[] | null
  stationId: string | null
  productIds: readonly string[]
  budgetFen: number | null
  images: readonly string[]
}

const COLUMNS = `union_id, kind, title, body, starts_at, ends_at, action, quota, audience_occupations, audience_districts, station_id, product_ids, budget_fen, images, updated_at`

const values = (f: CampaignFields, at: Date): unknown[] => [
  f.unionId,
  f.kind,
  f.title,
  f.body,
  f.startsAt,
  f.endsAt,
  f.action,
  f.quota,
  f.occupations,
  f.districts,
  f.stationId,
  f.productIds,
  f.budgetFen,
  f.images,
  at,
]

/** A new campaign, a draft unless `publishedAt` is given. */
export async function insertCampaign(q: Queryable, f: CampaignFields, createdBy: string, at: Date, publishedAt: Date | null = null): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into campaigns (${COLUMNS}, created_by, status, published_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) returning id`,
    [...values(f, at), createdBy, publishedAt ? 'published' : 'draft', publishedAt],
  )
  return row.id
}

export async function updateCampaign(q: Queryable, id: string, f: CampaignFields, at: Date): Promise<void> {
  const cols = COLUMNS.split(', ')
  await q.query(`update campaigns set ${cols.map((c, i) => `${c} = $${i + 1}`).join(', ')} where id = $${cols.length + 1}`, [...values(f, at), id])
}
