// Stock holds bounded, and order placement in one statement.
//
// order_holds: what each buyer's unpaid member orders hold (their count and units), raised at placement by a
// conditional upsert within the policy's caps (concurrent orders of one buyer cannot pass them), released when
// an order is paid or cancelled.
//
// shop_place_order_v1: places an order, or answers why not, in one call (domain/shop/orders.ts calls it). A
// PL/pgSQL function so each connection plans it once: a plain statement this size is planned on every call
// (about 0.5 ms of database CPU), and a named prepared statement would be session state PgBouncer's transaction
// mode cannot carry. A change is a new migration with a new version of the function.
//
// In one statement: the first order for the same (buyer, request id) if there is one; else the products
// locked in id order (lock order: products, then the hold; see domain/shop/store.ts) and checked (on sale,
// enough stock, one seller), the hold raised within the caps (null caps: union bulk orders, not capped), stock
// taken, order, items and audit row written. Nothing is written unless every check passed (`go`); stock >= 0 is
// also a table check. A refused hold is read again under its lock (`capped`: the latest row, not the statement's
// snapshot) to say which cap it reached. The audit row is left to the caller when p_audit is false.
export default `
create table order_holds (
  user_id uuid primary key references users(id),
  open_orders integer not null default 0 check (open_orders >= 0),
  held_units integer not null default 0 check (held_units >= 0)
);
insert into order_holds (user_id, open_orders, held_units)
select o.user_id, count(distinct o.id), sum(i.qty)
from orders o join order_items i on i.order_id = o.id
where o.status = 'PENDING_PAYMENT' and o.kind = 'member'
group by o.user_id;

create function shop_place_order_v1(
  p_user uuid, p_request text, p_products uuid[], p_qtys int[], p_kind text, p_buyer_union uuid, p_member_price boolean,
  p_delivery text, p_station uuid, p_contact_enc text, p_contact_masked jsonb, p_invoice_title text, p_invoice_tax_no text,
  p_note text, p_deadline timestamptz, p_at timestamptz, p_order_no text, p_max_orders int, p_max_units int,
  p_actor_role text, p_audit boolean)
returns table (outcome text, order_id uuid, status text, payable_fen bigint, subsidy_fen bigint, relief_fen bigint, short jsonb, hold jsonb)
language plpgsql as $$
#variable_conflict use_column
begin
  return query
  with seen as (select o.id, o.status, o.payable_fen, o.subsidy_fen from orders o where o.user_id = p_user and o.request_id = p_request),
  lines as (select * from unnest(p_products, p_qtys) as l(product_id, qty)),
  stock as materialized (
    select p.*, case when p_member_price then p.member_price_fen else p.price_fen end as line_price
    from products p where p.id = any(p_products) and not exists (select 1 from seen) order by p.id for no key update),
  sums as (
    select count(*) filter (where p.id is null or p.status <> 'on_sale') as gone, count(distinct p.union_id) as sellers,
      (array_agg(p.union_id))[1] as seller, sum(l.qty)::int as units,
      sum(p.price_fen::bigint * l.qty)::bigint as total_fen, sum(p.line_price::bigint * l.qty)::bigint as payable_fen,
      coalesce(sum(p.line_price::bigint * l.qty) filter (where p.relief), 0)::bigint as relief_fen,
      (array_agg(jsonb_build_object('name', p.name, 'stock', p.stock) order by p.id) filter (where p.stock < l.qty))[1] as short
    from lines l left join stock p on p.id = l.product_id),
  verdict as (
    select s.*, case
      when exists (select 1 from seen) then 'seen'
      when p_station is not null and not exists (select 1 from stations st where st.id = p_station and st.status = 'active') then 'station'
      when s.gone > 0 then 'not_found'
      when s.short is not null then 'out_of_stock'
      when s.sellers > 1 then 'mixed_seller'
      else 'ok' end as outcome
    from sums s),
  held as (
    insert into order_holds as h (user_id, open_orders, held_units)
    select p_user, 1, v.units from verdict v where v.outcome = 'ok' and p_max_orders is not null
    on conflict (user_id) do update set open_orders = h.open_orders + 1, held_units = h.held_units + excluded.held_units
      where h.open_orders < p_max_orders and h.held_units + excluded.held_units <= p_max_units
    returning 1),
  go as (select v.* from verdict v where v.outcome = 'ok' and (p_max_orders is null or exists (select 1 from held))),
  capped as (
    select h.open_orders, h.held_units from order_holds h
    where h.user_id = p_user and exists (select 1 from verdict v where v.outcome = 'ok') and not exists (select 1 from go) for no key update),
  taken as (update products p set stock = p.stock - l.qty from lines l where p.id = l.product_id and exists (select 1 from go) returning 1),
  placed as (
    insert into orders (order_no, user_id, request_id, kind, status, buyer_union_id, seller_union_id, total_fen, payable_fen, delivery_type, station_id,
      contact_enc, contact_masked, invoice_title, invoice_tax_no, note, pay_deadline, created_at)
    select p_order_no, p_user, p_request, p_kind, 'PENDING_PAYMENT', p_buyer_union, g.seller, g.total_fen, g.payable_fen, p_delivery, p_station,
      p_contact_enc, p_contact_masked, p_invoice_title, p_invoice_tax_no, p_note, p_deadline, p_at
    from go g
    returning id, status, payable_fen, subsidy_fen, kind),
  items as (
    insert into order_items (order_id, product_id, name, unit, category, province, county, supplier_name, supplier_license, relief, unit_price_fen, qty, amount_fen)
    select o.id, p.id, p.name, p.unit, p.category, p.province, p.county, p.supplier_name, p.supplier_license, p.relief, p.line_price, l.qty, p.line_price::bigint * l.qty
    from placed o, lines l join stock p on p.id = l.product_id
    returning 1),
  logged as (
    insert into audit_log (actor_user_id, actor_role, action, entity, entity_id, union_id, after)
    select p_user, p_actor_role, 'order.create', 'order', o.id::text, p_buyer_union,
      jsonb_build_object('status', o.status, 'payableFen', o.payable_fen, 'subsidyFen', o.subsidy_fen, 'kind', o.kind)
    from placed o where p_audit
    returning 1)
  select case when v.outcome <> 'ok' then v.outcome when o.id is null then 'held' else 'placed' end,
    coalesce(o.id, s.id), coalesce(o.status, s.status), coalesce(o.payable_fen, s.payable_fen), coalesce(o.subsidy_fen, s.subsidy_fen),
    v.relief_fen, v.short, (select jsonb_build_object('orders', c.open_orders, 'units', c.held_units) from capped c)
  from verdict v left join placed o on true left join seen s on true;
end $$;
`
