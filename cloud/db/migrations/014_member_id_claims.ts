// The membership oracle closed: a registration with an ID number someone already holds is accepted as a
// request staff resolve (it never tells a stranger that the number belongs to a member). Such a member row
// points at the holder and stays out of the one-person-one-card index; the holder is told in the app.
export default `
alter table members add column claims_member_id uuid references members(id);
alter table members drop constraint members_id_hash_key;
create unique index members_id_hash_key on members (id_hash) where claims_member_id is null;

create table member_notices (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members(id),
  kind text not null check (kind in ('id_claimed')),
  body text not null,
  created_at timestamptz not null default now()
);
create index member_notices_member on member_notices (member_id, created_at desc);
`
