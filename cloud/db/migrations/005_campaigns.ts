// Campaigns posted by unions to their subtree; sign-ups and claims at most once per member, never past the quota.
export default `
create table campaigns (
  id uuid primary key default gen_random_uuid(),
  union_id uuid not null references unions(id),
  kind text not null,
  title text not null,
  body text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  action text not null check (action in ('signup', 'claim', 'buy')),
  quota integer check (quota > 0),
  taken integer not null default 0 check (taken >= 0),
  audience_occupations text[],
  audience_districts text[],
  station_id uuid references stations(id),
  product_ids uuid[] not null default '{}',
  budget_fen bigint check (budget_fen >= 0),
  images text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'published', 'closed')),
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  closed_at timestamptz,
  constraint campaigns_quota check (quota is null or taken <= quota)
);
create index campaigns_live on campaigns (status, starts_at, ends_at);
create index campaigns_union on campaigns (union_id);

create table campaign_joins (
  campaign_id uuid not null references campaigns(id),
  member_id uuid not null references members(id),
  code text unique,
  joined_at timestamptz not null default now(),
  used_at timestamptz,
  used_by uuid references users(id),
  primary key (campaign_id, member_id)
);
`
