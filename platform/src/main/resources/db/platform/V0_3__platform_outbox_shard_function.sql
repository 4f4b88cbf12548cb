-- The outbox shard of an aggregate id, defined once, here: Outbox.publish (one event) and Outbox.publishEach
-- (one event per row of a query) both let the database compute it, so the two can never disagree.
-- It is Java's Math.floorMod(key.hashCode(), 16): 31 is -1 modulo 16, so the hash modulo 16 is an alternating
-- sum of the characters (code units; aggregate ids are ASCII). Never change it: the relay's per-aggregate order
-- depends on an aggregate staying in its shard.
create or replace function outbox_shard_of(key text) returns smallint
    language sql immutable parallel safe as $$
    select ((coalesce(sum(case when (length(key) - i) % 2 = 0 then 1 else -1 end * ascii(substr(key, i, 1))), 0) % 16
             + 16) % 16)::smallint
    from generate_series(1, length(key)) i
$$;
