-- The trace a job was submitted in (the W3C traceparent of the submitting span; null when tracing is off): the
-- worker that runs the job, on any replica and after a restart, runs it in a span of that trace.
alter table job add column traceparent varchar(55);
