-- Backbone: runs, exception queue, reference data versions, idempotent repository;
-- and the carrier cost-per-minute pipeline: staging, rating, invoices, reconciliation, ERP batches.
-- All instants are timestamptz (stored in UTC); money is numeric with declared scales.

-- ---------------------------------------------------------------- runs
create table pipeline_run (
    run_id            text primary key,
    pipeline          text        not null,
    period            text,
    trigger           text        not null,
    status            text        not null,
    started_at        timestamptz not null,
    finished_at       timestamptz,
    records_in        bigint      not null default 0,
    records_accepted  bigint      not null default 0,
    records_rejected  bigint      not null default 0,
    failures          integer     not null default 0,
    owner_route       text,
    totals            jsonb       not null default '{}'::jsonb,
    error             text,
    -- nothing is lost silently: every record read is accepted or rejected
    constraint run_counts_balance check (records_in = records_accepted + records_rejected)
);
create index pipeline_run_started on pipeline_run (started_at desc);

create table run_phase (
    id                bigserial primary key,
    run_id            text        not null references pipeline_run (run_id),
    phase             text        not null,
    started_at        timestamptz not null,
    finished_at       timestamptz,
    records_in        bigint      not null default 0,
    records_accepted  bigint      not null default 0,
    records_rejected  bigint      not null default 0,
    details           jsonb       not null default '{}'::jsonb,
    constraint phase_counts_balance check (records_in = records_accepted + records_rejected)
);
create index run_phase_run on run_phase (run_id, id);

create table run_input (
    run_id     text not null references pipeline_run (run_id),
    kind       text not null,
    reference  text not null,
    checksum   text not null,
    primary key (run_id, kind, reference)
);

-- ---------------------------------------------------------------- exception queue
create table exception_item (
    id                bigserial primary key,
    type              text        not null,
    status            text        not null default 'OPEN',
    pipeline          text,
    source            text,
    source_position   text,
    route_id          text,
    endpoint          text,
    replay_endpoint   text,
    reason            text        not null,
    cause_class       text,
    run_id            text,
    correlation_id    text,
    dedupe_key        text,
    context           jsonb       not null default '{}'::jsonb,
    payload           bytea,
    payload_type      text,
    headers           jsonb       not null default '{}'::jsonb,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    acknowledged_at   timestamptz,
    acknowledged_by   text,
    resolved_at       timestamptz,
    resolved_by       text,
    resolution        text,
    resolution_note   text,
    replay_count      integer     not null default 0,
    last_replayed_at  timestamptz,
    replay_of         bigint references exception_item (id)
);
create index exception_item_status on exception_item (status, type, created_at desc);
create index exception_item_run on exception_item (run_id);
-- One open case per stable key: re-running a day or re-rating a leg never duplicates a case.
create unique index exception_item_open_key on exception_item (type, dedupe_key)
    where dedupe_key is not null and status <> 'RESOLVED';

-- ---------------------------------------------------------------- idempotent repository (camel-sql)
create table camel_messageprocessed (
    processorname varchar(255) not null,
    messageid     varchar(512) not null,
    createdat     timestamp    not null,
    done          boolean      not null default false,
    primary key (processorname, messageid)
);

-- ---------------------------------------------------------------- reference data
create table reference_data_version (
    id            bigserial primary key,
    dataset       text        not null,
    checksum      text        not null,
    files         jsonb       not null,
    status        text        not null,
    errors        jsonb       not null default '[]'::jsonb,
    loaded_at     timestamptz not null,
    activated_at  timestamptz,
    superseded_at timestamptz
);
create unique index reference_data_one_active on reference_data_version (dataset) where status = 'ACTIVE';

create table ref_carrier (
    version_id         bigint  not null references reference_data_version (id),
    carrier_id         text    not null,
    carrier_name       text    not null,
    invoice_time_zone  text    not null,
    currency           char(3) not null,
    cost_scale         integer not null,
    rounding_mode      text    not null,
    primary key (version_id, carrier_id)
);

create table ref_rate_card (
    version_id          bigint        not null references reference_data_version (id),
    line_no             integer       not null,
    carrier_name        text          not null,
    prefix              text          not null,
    destination_region  text          not null,
    rate_per_minute     numeric(18, 8) not null,
    increment_first     integer       not null,
    increment_next      integer       not null,
    effective_date      date          not null,
    expiry_date         date,
    primary key (version_id, line_no)
);

create table ref_gl_mapping (
    version_id          bigint  not null references reference_data_version (id),
    line_no             integer not null,
    carrier_name        text    not null,
    destination_region  text    not null,
    gl_account          text    not null,
    cost_centre         text    not null,
    effective_date      date    not null,
    expiry_date         date,
    primary key (version_id, line_no)
);

-- ---------------------------------------------------------------- telephony usage staging
create table usage_leg (
    leg_id                    text        primary key,
    call_id                   text        not null,
    tenant_id                 text        not null,
    vendor                    text        not null,
    start_time                timestamptz not null,
    end_time                  timestamptz,
    duration_seconds          integer     not null,
    billing_duration_seconds  integer     not null,
    carrier_name              text,
    destination_number        text,
    call_type                 text,
    direction                 text,
    call_outcome              text,
    raw_payload               text        not null,
    payload_checksum          text        not null,
    first_run_id              text,
    last_run_id               text,
    first_seen_at             timestamptz not null,
    last_seen_at              timestamptz not null
);
create index usage_leg_start on usage_leg (tenant_id, start_time);
create index usage_leg_call on usage_leg (call_id);

create table extraction_window (
    tenant_id     text        not null,
    window_start  timestamptz not null,
    window_end    timestamptz not null,
    status        text        not null,
    pages         integer     not null,
    records       integer     not null,
    checksum      text        not null,
    extracted_at  timestamptz not null,
    run_id        text,
    primary key (tenant_id, window_start)
);

-- ---------------------------------------------------------------- rating
create table rated_leg (
    leg_id               text        primary key references usage_leg (leg_id),
    tenant_id            text        not null,
    call_id              text        not null,
    utc_day              date        not null,
    start_time           timestamptz not null,
    leg_class            text        not null,
    leg_role             text,
    rating_status        text        not null,
    unrated_reason       text,
    carrier_name         text,
    carrier_id           text,
    destination_number   text,
    destination_region   text,
    matched_prefix       text,
    rate_per_minute      numeric(18, 8),
    increment_first      integer,
    increment_next       integer,
    raw_seconds          integer     not null,
    billed_seconds       integer     not null,
    raw_minutes          numeric(18, 6) not null,
    billed_minutes       numeric(18, 6) not null,
    cost                 numeric(18, 6),
    currency             char(3),
    reference_version_id bigint,
    rated_at             timestamptz not null,
    run_id               text
);
create index rated_leg_day on rated_leg (utc_day, carrier_name, destination_region);

-- ---------------------------------------------------------------- carrier invoices
create table carrier_invoice_file (
    id              bigserial primary key,
    carrier_id      text        not null,
    file_name       text        not null,
    checksum        text        not null,
    format          text        not null,
    received_at     timestamptz not null,
    status          text        not null,
    lines_in        integer     not null,
    lines_accepted  integer     not null,
    lines_rejected  integer     not null,
    run_id          text,
    unique (carrier_id, file_name, checksum)
);

create table carrier_invoice (
    id              bigserial primary key,
    file_id         bigint        not null references carrier_invoice_file (id),
    carrier_id      text          not null,
    carrier_name    text          not null,
    invoice_number  text          not null,
    invoice_date    date,
    period_start    date,
    period_end      date,
    currency        char(3),
    stated_total    numeric(18, 6),
    lines_total     numeric(18, 6) not null,
    other_charges   numeric(18, 6) not null,
    line_count      integer       not null,
    status          text          not null,
    received_at     timestamptz   not null
);
-- A corrected invoice supersedes the earlier one; only one is current per carrier and number.
create unique index carrier_invoice_current on carrier_invoice (carrier_id, invoice_number) where status = 'CURRENT';

create table carrier_invoice_line (
    id                  bigserial primary key,
    invoice_id          bigint        not null references carrier_invoice (id),
    line_no             integer       not null,
    position            text          not null,
    leg_reference       text          not null,
    destination_number  text,
    start_time          timestamptz   not null,
    utc_day             date          not null,
    minutes             numeric(18, 6) not null,
    charge              numeric(18, 6) not null,
    raw                 text          not null
);
create index carrier_invoice_line_invoice on carrier_invoice_line (invoice_id);
create index carrier_invoice_line_leg on carrier_invoice_line (leg_reference);

-- ---------------------------------------------------------------- reconciliation
create table reconciliation_result (
    id                        bigserial primary key,
    carrier_name              text          not null,
    utc_day                   date          not null,
    invoice_number            text          not null,
    status                    text          not null,
    matched_lines             integer       not null,
    charge_mismatches         integer       not null,
    minute_mismatches         integer       not null,
    missing_on_invoice        integer       not null,
    not_in_usage              integer       not null,
    internal_legs             integer       not null,
    internal_billed_minutes   numeric(18, 6) not null,
    internal_cost             numeric(18, 6) not null,
    invoice_lines             integer       not null,
    invoice_minutes           numeric(18, 6) not null,
    invoice_charge            numeric(18, 6) not null,
    reconciled_at             timestamptz   not null,
    run_id                    text,
    unique (carrier_name, utc_day, invoice_number)
);

-- ---------------------------------------------------------------- ERP postings
create table erp_batch (
    batch_id         text primary key,
    pipeline         text          not null,
    period           text          not null,
    kind             text          not null,
    sequence         integer       not null,
    idempotency_key  text          not null unique,
    currency         char(3)       not null,
    total            numeric(18, 2) not null,
    line_count       integer       not null,
    payload          text          not null,
    status           text          not null,
    attempts         integer       not null default 0,
    created_at       timestamptz   not null,
    posted_at        timestamptz,
    response_status  integer,
    run_id           text,
    unique (pipeline, period, sequence)
);

create table erp_batch_line (
    batch_id            text          not null references erp_batch (batch_id),
    line_no             integer       not null,
    gl_account          text          not null,
    cost_centre         text          not null,
    carrier_name        text          not null,
    destination_region  text          not null,
    amount              numeric(18, 2) not null,
    billed_minutes      numeric(18, 6) not null,
    leg_count           integer       not null,
    primary key (batch_id, line_no)
);
