// Four eyes on hardship relief: an application keeps its contact phone's keyed hash, so staff whose member
// record shares a phone with the household are kept from deciding the case; a budget increase waits in
// subsidy_budget_changes until a second person confirms it.
import { needKeys, type Migration } from './types'

const NAME = '011_subsidy_four_eyes'
const BATCH = 500

const migration: Omit<Migration, 'name'> = {
  sql: `
alter table subsidy_applications add column phone_hash text;

create table subsidy_budget_changes (
  id uuid primary key default gen_random_uuid(),
  union_id uuid not null references unions(id),
  programme text not null,
  year integer not null,
  from_fen bigint not null check (from_fen >= 0),
  to_fen bigint not null check (to_fen > from_fen),
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected', 'withdrawn')),
  requested_by uuid not null references users(id),
  -- the proposer's union; null for the platform admin
  requester_union_id uuid references unions(id),
  decided_by uuid references users(id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  constraint subsidy_budget_changes_second_person check (status <> 'confirmed' or decided_by <> requested_by)
);
-- One change waiting per budget.
create unique index subsidy_budget_changes_pending on subsidy_budget_changes (union_id, programme, year) where status = 'pending';
`,
  async rewrite(q, keys) {
    for (;;) {
      const rows = await q.query<{ id: string; phone_enc: string }>(`select id, phone_enc from subsidy_applications where phone_hash is null order by id limit ${BATCH}`)
      if (!rows.length) break
      const k = needKeys(NAME, keys)
      await q.query(`update subsidy_applications a set phone_hash = v.h from unnest($1::uuid[], $2::text[]) as v(id, h) where a.id = v.id`, [
        rows.map((r) => r.id),
        rows.map((r) => k.hash('phone', k.decrypt(r.phone_enc))),
      ])
    }
  },
  finish: 'alter table subsidy_applications alter column phone_hash set not null;',
}
export default migration
