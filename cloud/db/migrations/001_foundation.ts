// Unions, users, sessions, members and cards, transfers, append-only audit.
export default `
create table unions (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  level text not null check (level in ('city', 'district', 'street', 'federation', 'grassroots')),
  parent_id uuid references unions(id),
  -- '/<root id>/.../<own id>/': a subtree is every union whose path starts with this one's
  path text not null unique,
  district text,
  accepts_members boolean not null default false,
  status text not null default 'active' check (status in ('active', 'closed')),
  card_seq integer not null default 0,
  created_at timestamptz not null default now()
);
create index unions_path_prefix on unions (path text_pattern_ops);
create index unions_parent on unions (parent_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  openid text not null unique,
  is_admin boolean not null default false,
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);

-- One union per staff member; their scope is that union and its sub-unions.
create table staff_assignments (
  user_id uuid primary key references users(id),
  union_id uuid not null references unions(id),
  assigned_by uuid references users(id),
  created_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index sessions_expiry on sessions (expires_at);

create table members (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references users(id),
  name text not null,
  id_hash text not null,
  id_enc text not null,
  id_masked text not null,
  phone_hash text not null,
  phone_enc text not null,
  phone_masked text not null,
  occupation text not null,
  employer text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint members_id_hash_key unique (id_hash)
);
create index members_phone_hash on members (phone_hash);

create table cards (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members(id),
  union_id uuid not null references unions(id),
  status text not null check (status in ('pending', 'active', 'rejected', 'suspended', 'transferred')),
  card_no text unique,
  issued_at timestamptz,
  reject_reason text,
  decided_by uuid references users(id),
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
-- A person holds one card: at most one live card per member.
create unique index cards_one_live on cards (member_id) where status in ('pending', 'active', 'suspended');
create index cards_union_status on cards (union_id, status, created_at);

create table transfers (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members(id),
  from_card_id uuid not null references cards(id),
  from_union_id uuid not null references unions(id),
  to_union_id uuid not null references unions(id),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  reason text,
  requested_at timestamptz not null default now(),
  decided_by uuid references users(id),
  decided_at timestamptz
);
create unique index transfers_one_pending on transfers (member_id) where status = 'pending';
create index transfers_to_union on transfers (to_union_id, status);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id uuid,
  actor_role text not null,
  action text not null,
  entity text not null,
  entity_id text,
  union_id uuid,
  before jsonb,
  after jsonb
);
create index audit_entity on audit_log (entity, entity_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();

create table app_meta (key text primary key, value text not null);
`
