// Warm stations with a spatial index (earthdistance on cube), opening intervals, check-ins, ratings, reports.
export default `
create extension if not exists cube;
create extension if not exists earthdistance;

create table stations (
  id uuid primary key default gen_random_uuid(),
  union_id uuid not null references unions(id),
  kind text not null,
  name text not null,
  address text not null,
  district text not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  services text[] not null default '{}',
  hours jsonb not null,
  is_24h boolean not null default false,
  phone text,
  photos text[] not null default '{}',
  awards jsonb not null default '[]',
  status text not null default 'active' check (status in ('active', 'closed')),
  closed_reason text,
  live_status text,
  live_status_note text,
  live_status_at timestamptz,
  visit_count integer not null default 0 check (visit_count >= 0),
  rating_sum integer not null default 0,
  rating_count integer not null default 0 check (rating_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Nearest-first search: earth_box filter and <-> ordering both use this index.
create index stations_earth on stations using gist (ll_to_earth(lat, lng)) where status = 'active';
create index stations_union on stations (union_id);

-- Opening hours as same-day intervals (hours past midnight continue on the next day), for open-now in SQL.
create table station_hours (
  station_id uuid not null references stations(id) on delete cascade,
  dow smallint not null check (dow between 1 and 7),
  open_min smallint not null check (open_min between 0 and 1440),
  close_min smallint not null check (close_min between 0 and 1440)
);
create index station_hours_station on station_hours (station_id, dow);

create table station_keepers (
  station_id uuid not null references stations(id),
  user_id uuid not null references users(id),
  primary key (station_id, user_id)
);

-- One counted visit per member, station and Asia/Shanghai day.
create table station_checkins (
  station_id uuid not null references stations(id),
  user_id uuid not null references users(id),
  day date not null,
  at timestamptz not null default now(),
  primary key (station_id, user_id, day)
);
create index station_checkins_day on station_checkins (day, station_id);

create table station_ratings (
  station_id uuid not null references stations(id),
  user_id uuid not null references users(id),
  stars smallint not null check (stars between 1 and 5),
  comment text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (station_id, user_id)
);

create table station_reports (
  id bigint generated always as identity primary key,
  station_id uuid not null references stations(id),
  user_id uuid not null references users(id),
  status text not null,
  note text,
  at timestamptz not null default now()
);
create index station_reports_station on station_reports (station_id, at);
`
