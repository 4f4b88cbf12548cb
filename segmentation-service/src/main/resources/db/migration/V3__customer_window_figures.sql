-- Each customer's window figures, kept up to date by every change of its value facts (service/WindowFigures,
-- service/ValueFacts), so that a tiering run ranks one row per customer instead of aggregating 12 months of
-- facts: the 12 months ending with window_end (the customer's latest reported month). Sums are exact numeric:
-- twelve months of numeric(19,2) figures overflow neither numeric(19,2) nor anything else here.
create table customer_window_figures (
    customer_id     uuid      primary key,
    window_end      date      not null check (extract(day from window_end) = 1),
    -- net interest income + fee income - cost to serve, summed over the window
    contribution    numeric   not null,
    -- the contribution of window_end, of the month before, ... 7 months (GROWTH over up to 6 months); 0 for a
    -- month without facts
    monthly         numeric[] not null,
    -- of window_end
    credit_rating   varchar(4),
    -- deposits + loans + AUM, and transaction amount + card spending, summed over the window; months with facts
    scale_total     numeric   not null,
    volume_total    numeric   not null,
    months_reported bigint    not null
) with (fillfactor = 80);

-- The figures of the facts already stored, exactly as service/WindowFigures computes them.
insert into customer_window_figures (customer_id, window_end, contribution, monthly, credit_rating, scale_total,
                                     volume_total, months_reported)
select t.customer_id, t.window_end,
       coalesce(sum(v.contribution), 0),
       array[coalesce(sum(v.contribution) filter (where v.month = t.window_end), 0),
             coalesce(sum(v.contribution) filter (where v.month = cast(t.window_end - interval '1 months' as date)), 0),
             coalesce(sum(v.contribution) filter (where v.month = cast(t.window_end - interval '2 months' as date)), 0),
             coalesce(sum(v.contribution) filter (where v.month = cast(t.window_end - interval '3 months' as date)), 0),
             coalesce(sum(v.contribution) filter (where v.month = cast(t.window_end - interval '4 months' as date)), 0),
             coalesce(sum(v.contribution) filter (where v.month = cast(t.window_end - interval '5 months' as date)), 0),
             coalesce(sum(v.contribution) filter (where v.month = cast(t.window_end - interval '6 months' as date)), 0)],
       max(v.credit_rating) filter (where v.month = t.window_end),
       coalesce(sum(v.avg_deposit_balance + v.loan_balance + v.assets_under_management), 0),
       coalesce(sum(v.transaction_amount + v.card_transaction_amount), 0),
       count(*)
from (select customer_id, coalesce(max(month) filter (where reported_at is not null), max(month)) as window_end
      from value_fact group by customer_id) t
join value_fact v on v.customer_id = t.customer_id
                 and v.month between cast(t.window_end - interval '11 months' as date) and t.window_end
group by t.customer_id, t.window_end;
