-- The trace an event belongs to: the W3C traceparent of the span that wrote the outbox row (null when tracing is
-- off). The relay continues that trace when it sends the row, also after a restart, and puts it in the record's
-- traceparent header for the consumer to continue.
alter table outbox_event add column traceparent varchar(55);
