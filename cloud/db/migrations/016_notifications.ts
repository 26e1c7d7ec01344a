// Messages to members: every one is listed in the app (notifications); one also goes through WeChat when
// the member has a subscription left for its kind (notify_optins: each "allow" in requestSubscribeMessage
// grants one send). sim_notify_sent records what the simulated provider would have sent.
export default `
create table notify_optins (
  user_id uuid not null references users(id),
  kind text not null,
  remaining integer not null default 0 check (remaining >= 0),
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);

create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  kind text not null check (kind in ('card_decided', 'subsidy_progress', 'order_shipped', 'refund_completed', 'campaign_opened')),
  -- One message per event, however often the event's code runs (a retried call, a repeated notification).
  event_key text not null unique,
  title text not null,
  body text not null,
  page text,
  pushed boolean not null default false,
  push_error text,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_user on notifications (user_id, created_at desc, id);

create table sim_notify_sent (
  id bigint generated always as identity primary key,
  notification_id uuid not null references notifications(id),
  touser text not null,
  template_id text not null,
  page text,
  data jsonb not null,
  sent_at timestamptz not null default now()
);
`
