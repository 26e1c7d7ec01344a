// Scan-to-login: a desktop asks for a challenge, a signed-in phone confirms it, and the desktop collects a
// session once. Challenge and poll key are stored as keyed hashes, like session tokens.
export default `
create table login_challenges (
  challenge_hash text primary key,
  poll_key_hash text not null,
  status text not null check (status in ('waiting', 'scanned', 'confirmed', 'consumed')),
  desktop_browser text not null,
  desktop_address text not null,
  user_id uuid references users(id),
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  confirmed_at timestamptz
);
create index login_challenges_expiry on login_challenges (expires_at);
`
