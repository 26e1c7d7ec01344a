// Hardship relief: applications reviewed in levels, one file per household, one plan per file,
// budgets that cannot go below zero, and payments recorded once.
export default `
create table subsidy_files (
  id uuid primary key default gen_random_uuid(),
  file_no text not null unique,
  member_id uuid not null references members(id),
  union_id uuid not null references unions(id),
  kind text not null check (kind in ('formal', 'temporary')),
  category text not null check (category in ('deep', 'relative', 'accident', 'temporary', 'none')),
  status text not null default 'active' check (status in ('active', 'archived')),
  region text not null,
  -- household members, incomes and event details, sealed (AES-GCM); the figures below are for queries
  data_enc text not null,
  household_size integer not null check (household_size > 0),
  per_capita_fen bigint not null check (per_capita_fen >= 0),
  conditions text[] not null default '{}',
  evaluation jsonb not null,
  data_as_of timestamptz not null,
  evaluated_at timestamptz not null,
  stale boolean not null default false,
  -- set by the monitoring job when re-evaluation under the current policy disagrees with the file
  recheck_note text,
  at_risk boolean not null default false,
  risk_reason text,
  archived_at timestamptz,
  archive_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One household, one file: a member's file is archived and reactivated, never duplicated.
create unique index subsidy_files_member on subsidy_files (member_id);
create index subsidy_files_union on subsidy_files (union_id, status);

create table subsidy_applications (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members(id),
  union_id uuid not null references unions(id),
  request_id text not null,
  status text not null check (status in ('submitted', 'checked', 'notice', 'approved', 'rejected')),
  category text not null check (category in ('deep', 'relative', 'accident', 'temporary', 'none')),
  region text not null,
  data_enc text not null,
  household_size integer not null check (household_size > 0),
  per_capita_fen bigint not null check (per_capita_fen >= 0),
  conditions text[] not null default '{}',
  evaluation jsonb not null,
  evidence jsonb not null default '[]',
  phone_enc text not null,
  phone_masked text not null,
  note text,
  checked_by uuid references users(id),
  notice_ends_at timestamptz,
  reject_reason text,
  file_id uuid references subsidy_files(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint subsidy_applications_request unique (member_id, request_id)
);
-- At most one application under review per member.
create unique index subsidy_applications_open on subsidy_applications (member_id) where status in ('submitted', 'checked', 'notice');
create index subsidy_applications_queue on subsidy_applications (status, created_at);

create table subsidy_reviews (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references subsidy_applications(id),
  step text not null check (step in ('check', 'approve', 'notice')),
  decision text not null check (decision in ('pass', 'reject')),
  reason text,
  reviewer_id uuid not null references users(id),
  reviewer_union_id uuid references unions(id),
  created_at timestamptz not null default now()
);
create index subsidy_reviews_application on subsidy_reviews (application_id, created_at);

create table subsidy_plans (
  file_id uuid primary key references subsidy_files(id),
  goal text not null,
  measures text[] not null,
  responsible text not null,
  contact_enc text not null,
  contact_masked text not null,
  next_review_date date not null,
  updated_by uuid not null references users(id),
  updated_at timestamptz not null default now()
);

create table subsidy_budgets (
  id uuid primary key default gen_random_uuid(),
  union_id uuid not null references unions(id),
  programme text not null,
  year integer not null,
  total_fen bigint not null check (total_fen >= 0),
  spent_fen bigint not null default 0,
  constraint subsidy_budgets_never_negative check (spent_fen >= 0 and spent_fen <= total_fen),
  constraint subsidy_budgets_key unique (union_id, programme, year)
);

create table subsidy_payments (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references subsidy_files(id),
  programme text not null,
  year integer not null,
  amount_fen bigint not null check (amount_fen > 0),
  budget_id uuid not null references subsidy_budgets(id),
  request_id text not null,
  order_id uuid references orders(id),
  status text not null default 'paid' check (status in ('paid', 'reversed')),
  note text,
  paid_by uuid references users(id),
  created_at timestamptz not null default now(),
  reversed_at timestamptz,
  constraint subsidy_payments_request unique (file_id, request_id)
);
create index subsidy_payments_file on subsidy_payments (file_id, programme, year);
create unique index subsidy_payments_order on subsidy_payments (order_id) where order_id is not null;

alter table orders add column subsidy_fen bigint not null default 0 check (subsidy_fen >= 0);
`
