-- Business-unit chargeback: the chargeback reference set (HRIS cost-centre whitelist, versioned cost multipliers),
-- organisation snapshots extracted from the vendors, the allocated monthly report, and finance overrides.

create table ref_hris_cost_centre (
    version_id     bigint  not null references reference_data_version (id),
    line_no        integer not null,
    division       text    not null,
    cost_centre    text    not null,
    business_unit  text    not null,
    name           text    not null,
    valid_from     date    not null,
    valid_to       date,
    primary key (version_id, line_no)
);

create table ref_multiplier_version (
    version_id        bigint  not null references reference_data_version (id),
    version           text    not null,
    effective_date    date    not null,
    deprecation_date  date,
    approver_id       text    not null,
    checksum          text    not null,
    multipliers       jsonb   not null,
    primary key (version_id, version)
);

-- One extraction of one tenant's organisation as of one snapshot instant. Records are keyed by resource and the
-- vendor's id, so a retried page replaces what it stored before.
create table org_extraction (
    extraction_id  text        primary key,
    run_id         text        not null,
    period         text        not null,
    vendor         text        not null,
    tenant_id      text        not null,
    snapshot_at    timestamptz not null,
    status         text        not null,
    started_at     timestamptz not null,
    completed_at   timestamptz,
    records_in     bigint      not null default 0,
    accepted       bigint      not null default 0,
    rejected       bigint      not null default 0,
    counts         jsonb       not null default '{}'
);
create index org_extraction_period on org_extraction (period, vendor, tenant_id, status);

create table org_record (
    extraction_id  text  not null references org_extraction (extraction_id),
    resource       text  not null,
    record_key     text  not null,
    payload        jsonb not null,
    primary key (extraction_id, resource, record_key)
);

-- The chargeback of a period. A DRAFT is recomputed by every run; once ISSUED its lines are frozen (the trigger
-- below), whatever multiplier version or mapping comes later.
create table chargeback_report (
    period              text        primary key,
    status              text        not null,
    revision            integer     not null,
    run_id              text        not null,
    multiplier_version  text        not null,
    multiplier_checksum text        not null,
    reference_version   bigint      not null,
    snapshot_at         timestamptz not null,
    extractions         jsonb       not null,
    computed_at         timestamptz not null,
    issued_at           timestamptz,
    platform_spend      numeric(14, 2) not null,
    manifest            jsonb       not null,
    findings            jsonb       not null,
    checksum            text        not null
);

create table chargeback_line (
    period            text           not null references chargeback_report (period),
    line_no           integer        not null,
    vendor            text           not null,
    tenant_id         text           not null,
    invoice_id        text           not null,
    division          text           not null,
    cost_centre       text           not null,
    business_unit     text           not null,
    category          text           not null,
    reason_code       text           not null,
    origin            text           not null,
    allocation_method text           not null,
    amount            numeric(14, 2) not null,
    quantity          numeric(18, 4) not null,
    unit              text           not null,
    utilisation       numeric(7, 4),
    detail            text           not null,
    primary key (period, line_no)
);

create function chargeback_line_frozen() returns trigger language plpgsql as $$
declare
    target_period text;
begin
    target_period := case when tg_op = 'INSERT' then new.period else old.period end;
    if exists (select 1 from chargeback_report where period = target_period and status = 'ISSUED') then
        raise exception 'chargeback % is issued: its lines cannot change', target_period
            using errcode = 'integrity_constraint_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create function chargeback_report_frozen() returns trigger language plpgsql as $$
begin
    if old.status = 'ISSUED' then
        raise exception 'chargeback % is issued: the report cannot change', old.period
            using errcode = 'integrity_constraint_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger chargeback_line_frozen before insert or update or delete on chargeback_line
    for each row execute function chargeback_line_frozen();
create trigger chargeback_report_frozen before update or delete on chargeback_report
    for each row execute function chargeback_report_frozen();

-- Finance adjustments: append-only. Each row carries checksums of the original and adjusted values and a hash
-- chained to the previous row, so even a change made with the triggers disabled is detectable.
create table chargeback_override (
    override_id        bigserial      primary key,
    period             text           not null,
    division           text           not null,
    cost_centre        text           not null,
    category           text           not null,
    original_amount    numeric(14, 2) not null,
    adjusted_amount    numeric(14, 2) not null,
    offset_division    text           not null,
    offset_cost_centre text           not null,
    reason_code        text           not null,
    approver_id        text           not null,
    note               text           not null,
    requested_by       text           not null,
    checksum_original  text           not null,
    checksum_adjusted  text           not null,
    previous_hash      text           not null,
    row_hash           text           not null,
    created_at         timestamptz    not null
);
create index chargeback_override_period on chargeback_override (period, override_id);

create function chargeback_override_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'chargeback_override is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end $$;

create trigger chargeback_override_no_update before update or delete on chargeback_override
    for each row execute function chargeback_override_append_only();
create trigger chargeback_override_no_truncate before truncate on chargeback_override
    for each statement execute function chargeback_override_append_only();
