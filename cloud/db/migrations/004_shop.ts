// Relief shop: products with stock that cannot go below zero, orders idempotent by request id,
// payments and refunds unique by their provider numbers, and the payment simulator's own books.
export default `
create table products (
  id uuid primary key default gen_random_uuid(),
  union_id uuid not null references unions(id),
  name text not null,
  province text not null,
  county text not null,
  category text not null,
  supplier_name text not null,
  supplier_license text not null,
  supplier_contact text not null,
  unit text not null,
  price_fen integer not null check (price_fen > 0),
  member_price_fen integer not null check (member_price_fen > 0 and member_price_fen <= price_fen),
  stock integer not null check (stock >= 0),
  images text[] not null default '{}',
  relief boolean not null default true,
  status text not null default 'on_sale' check (status in ('on_sale', 'off_shelf')),
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index products_browse on products (status, category, province, county);

create table orders (
  id uuid primary key default gen_random_uuid(),
  order_no text not null unique,
  user_id uuid not null references users(id),
  request_id text not null,
  kind text not null check (kind in ('member', 'bulk')),
  status text not null check (status in ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'READY_FOR_PICKUP', 'COMPLETED', 'CANCELLED', 'REFUNDING', 'REFUNDED')),
  buyer_union_id uuid references unions(id),
  seller_union_id uuid not null references unions(id),
  total_fen bigint not null check (total_fen >= 0),
  payable_fen bigint not null check (payable_fen >= 0),
  delivery_type text not null check (delivery_type in ('address', 'pickup')),
  station_id uuid references stations(id),
  contact_enc text,
  contact_masked jsonb,
  invoice_title text,
  invoice_tax_no text,
  note text,
  tracking_no text,
  pay_deadline timestamptz not null,
  paid_at timestamptz,
  fulfilled_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  created_at timestamptz not null default now(),
  constraint orders_request_key unique (user_id, request_id)
);
create index orders_user on orders (user_id, created_at desc);
create index orders_due on orders (pay_deadline) where status = 'PENDING_PAYMENT';
create index orders_buyer_union on orders (buyer_union_id, status);

create table order_items (
  order_id uuid not null references orders(id),
  product_id uuid not null references products(id),
  name text not null,
  unit text not null,
  category text not null,
  province text not null,
  county text not null,
  supplier_name text not null,
  supplier_license text not null,
  relief boolean not null,
  unit_price_fen integer not null,
  qty integer not null check (qty > 0),
  amount_fen bigint not null,
  primary key (order_id, product_id)
);

create table payments (
  order_id uuid primary key references orders(id),
  out_trade_no text not null unique,
  provider text not null,
  amount_fen bigint not null,
  status text not null default 'created' check (status in ('created', 'success', 'closed')),
  prepay_id text,
  prepaid_at timestamptz,
  transaction_id text unique,
  paid_at timestamptz,
  created_at timestamptz not null default now()
);

create table refunds (
  order_id uuid primary key references orders(id),
  out_refund_no text not null unique,
  amount_fen bigint not null check (amount_fen > 0),
  reason text not null,
  restock boolean not null,
  status text not null default 'processing' check (status in ('processing', 'success')),
  refund_id text,
  requested_at timestamptz not null default now(),
  succeeded_at timestamptz
);

-- Every verified notification once, for the record (replays are answered without a second change).
create table pay_notifications (
  id text primary key,
  kind text not null,
  out_trade_no text not null,
  received_at timestamptz not null default now(),
  applied boolean not null
);

create table sim_pay_transactions (
  out_trade_no text primary key,
  amount_fen bigint not null,
  prepay_id text not null,
  state text not null default 'NOTPAY',
  transaction_id text,
  success_at timestamptz,
  created_at timestamptz not null default now()
);
create table sim_pay_refunds (
  out_refund_no text primary key,
  out_trade_no text not null,
  refund_fen bigint not null,
  refund_id text not null,
  state text not null default 'PROCESSING',
  success_at timestamptz
);
`
