// The two statements of a busy request, each planned once per connection: the caller (platform/caller.ts
// calls these functions) and the order placement (013's shop_place_order_v1).
//
// As one plain statement the caller's seven-table join was planned on every call: about 0.7 ms of database
// CPU, more than a whole order placement costs outside planning. PL/pgSQL keeps each connection's plan, and
// needs no session state a PgBouncer in transaction mode would lose. Their plans are generic from the first
// call (plan_cache_mode): the custom plans PostgreSQL otherwise keeps choosing for them are re-planned on every
// call, about a tenth of an order's database CPU, and are no better for these key lookups.
//
// caller_v1(user): the user with their staff union and their member record with its active card.
// caller_by_token_v1(hash, at): the same for a live session's token hash.
// caller_by_openid_v1(openid, at): the same for a WeChat openid, creating the user on first sight; the
// user's last_login_at is written at most once an hour, so a cloud-function call is not a write each time.
// A change is a new migration with a new version of the function.
export default `
create function caller_v1(p_user uuid)
returns table (id uuid, openid text, is_admin boolean, staff_union_id uuid, staff_path text, member_union_id uuid, member jsonb)
language plpgsql stable set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
  select u.id, u.openid, u.is_admin, sa.union_id, su.path, am.union_id,
    case when am.member_id is null then null else to_jsonb(am) end
  from users u
  left join staff_assignments sa on sa.user_id = u.id
  left join unions su on su.id = sa.union_id
  left join lateral (
    select m.id as member_id, c.id as card_id, m.name, m.occupation, c.union_id, cu.path, cu.district
    from members m join cards c on c.member_id = m.id and c.status = 'active' join unions cu on cu.id = c.union_id
    where m.user_id = u.id) am on true
  where u.id = p_user;
end $$;

create function caller_by_token_v1(p_hash text, p_at timestamptz)
returns table (id uuid, openid text, is_admin boolean, staff_union_id uuid, staff_path text, member_union_id uuid, member jsonb)
language plpgsql stable as $$
#variable_conflict use_column
declare
  v_user uuid;
begin
  select s.user_id into v_user from sessions s where s.token_hash = p_hash and s.expires_at > p_at;
  if v_user is not null then
    return query select * from caller_v1(v_user);
  end if;
end $$;

create function caller_by_openid_v1(p_openid text, p_at timestamptz)
returns table (id uuid, openid text, is_admin boolean, staff_union_id uuid, staff_path text, member_union_id uuid, member jsonb)
language plpgsql as $$
#variable_conflict use_column
declare
  v_user uuid;
  v_seen timestamptz;
begin
  select u.id, u.last_login_at into v_user, v_seen from users u where u.openid = p_openid;
  if v_user is null then
    insert into users as u (openid, last_login_at) values (p_openid, p_at)
    on conflict (openid) do update set last_login_at = excluded.last_login_at
    returning u.id into v_user;
  elsif v_seen is null or v_seen < p_at - interval '1 hour' then
    update users u set last_login_at = p_at where u.id = v_user;
  end if;
  return query select * from caller_v1(v_user);
end $$;

alter function shop_place_order_v1 set plan_cache_mode = force_generic_plan;
`
