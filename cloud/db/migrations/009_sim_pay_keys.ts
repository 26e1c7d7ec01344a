// The payment simulator's signing key pair and APIv3 key: one row, written on first use, so every
// process on the database signs and verifies simulated notifications alike. Never used with WeChat Pay.
export default `
create table sim_pay_keys (
  id smallint primary key check (id = 1),
  private_key_pem text not null,
  public_key_pem text not null,
  api_v3_key text not null,
  created_at timestamptz not null default now()
);
`
