-- Who did what and when: exception cases acknowledged, resolved and replayed (by the authenticated user), reference
-- data versions activated or rejected, ERP batches recorded and accepted, runs started and finished, chargeback
-- overrides. Append-only like chargeback_override (V5): the database refuses UPDATE, DELETE and TRUNCATE, and each
-- event's hash covers its content and the hash of the event before it, so a row changed or removed by someone who
-- lifted the triggers breaks the chain (GET /api/audit/verify).
create table audit_event (
    id            bigserial   primary key,
    occurred_at   timestamptz not null,
    actor         text        not null,
    action        text        not null,
    subject_type  text        not null,
    subject_id    text        not null,
    details       jsonb       not null default '{}'::jsonb,
    previous_hash text        not null,
    hash          text        not null
);
create index audit_event_subject on audit_event (subject_type, subject_id, id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end $$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
