// A campaign with the calling member's join, in one planned call (domain/campaign/service.ts load()).
// Every claim reads it before taking a place, and a kit drop brings thousands of claims a second: as a plain
// statement its three-table join was planned on every call (0.17 ms of database CPU, five times what
// running it costs). Generic plan from the first call, as in 020. A change is a new version.
export default `
create function campaign_v1(p_id uuid, p_member uuid)
returns table (id uuid, union_id uuid, union_name text, path text, kind text, title text, body text,
  starts_at timestamptz, ends_at timestamptz, action text, quota integer, taken integer,
  audience_occupations text[], audience_districts text[], station_id uuid, product_ids uuid[], budget_fen bigint,
  images text[], status text, my_code text, my_used_at timestamptz, my_joined_at timestamptz)
language plpgsql stable set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
  select c.id, c.union_id, u.name, u.path, c.kind, c.title, c.body, c.starts_at, c.ends_at, c.action, c.quota, c.taken,
    c.audience_occupations, c.audience_districts, c.station_id, c.product_ids, c.budget_fen, c.images, c.status,
    j.code, j.used_at, j.joined_at
  from campaigns c join unions u on u.id = c.union_id
  left join campaign_joins j on j.campaign_id = c.id and j.member_id = p_member
  where c.id = p_id;
end $$;
`
