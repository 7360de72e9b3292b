-- CXone billing reconciliation against the general ledger: asynchronous reports, staged lines (raw, upsert on
-- lineId), normalised lines, GL aggregates, invoices, reconciliation results and finalisation events.
-- ERP batch lines become pipeline-neutral: two dimensions whose meaning the pipeline's payload states.

create table cxone_report (
    report_id     text        primary key,
    tenant_id     text        not null,
    window_start  timestamptz not null,
    window_end    timestamptz not null,
    status        text        not null,
    submitted_at  timestamptz not null,
    completed_at  timestamptz,
    polls         integer     not null default 0,
    run_id        text
);
create index cxone_report_window on cxone_report (tenant_id, window_start, submitted_at desc);

-- lineIds are unique within a CXone tenant only. report_id is the report that last returned the line: the
-- transformation reads the lines of the latest extraction, so a line CXone no longer reports is left out.
create table cxone_usage_line (
    line_id           text          not null,
    tenant_id         text          not null,
    report_id         text          not null,
    usage_date        timestamptz   not null,
    user_id           text,
    user_name         text,
    phone_number      text,
    feature_type      text          not null,
    direction         text,
    duration_seconds  integer,
    cost_amount       numeric(18, 6) not null,
    currency          char(3)       not null,
    tax_amount        numeric(18, 6) not null,
    tax_rate          numeric(10, 6),
    cost_center_id    text,
    prorated          boolean       not null,
    credit_memo_id    text,
    corrects_line_id  text,
    licence_type      text,
    service_start     date,
    service_end       date,
    raw_payload       text          not null,
    payload_checksum  text          not null,
    first_run_id      text,
    last_run_id       text,
    first_seen_at     timestamptz   not null,
    last_seen_at      timestamptz   not null,
    primary key (tenant_id, line_id)
);
create index cxone_usage_line_date on cxone_usage_line (tenant_id, usage_date);

create table cxone_extraction (
    id            bigserial   primary key,
    tenant_id     text        not null,
    period        text        not null,
    window_start  timestamptz not null,
    window_end    timestamptz not null,
    report_id     text        not null,
    pages         integer     not null,
    lines         integer     not null,
    checksum      text        not null,
    extracted_at  timestamptz not null,
    run_id        text
);
create index cxone_extraction_period on cxone_extraction (tenant_id, period, id desc);

create table cxone_normalised_line (
    line_id             text          not null,
    tenant_id           text          not null,
    period              text          not null,
    local_date          date          not null,
    feature_type        text          not null,
    cost_center_id      text,
    gl_account          text          not null,
    department          text          not null,
    mapped              boolean       not null,
    region              text,
    markup_multiplier   numeric(12, 6) not null,
    currency            char(3)       not null,
    fx_rate             numeric(20, 10) not null,
    cost_base           numeric(18, 6) not null,
    tax_base            numeric(18, 6) not null,
    gl_amount           numeric(18, 6) not null,
    chargeback_amount   numeric(18, 6) not null,
    tax_expected        numeric(18, 6),
    tax_mismatch        boolean       not null,
    prorated_expected   numeric(18, 6),
    credit_memo_id      text,
    reference_version_id bigint       not null,
    run_id              text,
    primary key (tenant_id, line_id),
    foreign key (tenant_id, line_id) references cxone_usage_line (tenant_id, line_id)
);
create index cxone_normalised_period on cxone_normalised_line (tenant_id, period);

create table cxone_gl_aggregate (
    tenant_id           text          not null,
    period              text          not null,
    gl_account          text          not null,
    department          text          not null,
    total_cost          numeric(18, 6) not null,
    total_tax           numeric(18, 6) not null,
    gl_amount           numeric(18, 6) not null,
    record_count        integer       not null,
    variance_threshold  numeric(18, 6) not null,
    run_id              text,
    primary key (tenant_id, period, gl_account, department)
);

create table cxone_invoice (
    id                  bigserial     primary key,
    tenant_id           text          not null,
    invoice_id          text          not null,
    period              text          not null,
    source              text          not null,
    status              text          not null,
    invoice_status      text          not null,
    currency            char(3)       not null,
    total_amount        numeric(18, 6) not null,
    total_tax           numeric(18, 6) not null,
    checksum            text          not null,
    raw                 text          not null,
    received_at         timestamptz   not null,
    run_id              text
);
create unique index cxone_invoice_current on cxone_invoice (tenant_id, period) where status = 'CURRENT';

create table cxone_invoice_line (
    invoice_row_id   bigint        not null references cxone_invoice (id),
    line_number      integer       not null,
    feature_type     text          not null,
    cost_center_id   text          not null,
    amount           numeric(18, 6) not null,
    tax_amount       numeric(18, 6) not null,
    raw              text          not null,
    primary key (invoice_row_id, line_number)
);

create table cxone_reconciliation_result (
    tenant_id          text          not null,
    period             text          not null,
    feature_type       text          not null,
    gl_account         text          not null,
    api_amount         numeric(18, 2) not null,
    invoice_amount     numeric(18, 2) not null,
    variance           numeric(18, 2) not null,
    relative_variance  numeric(12, 6),
    status             text          not null,
    final              boolean       not null,
    record_count       integer       not null,
    reconciled_at      timestamptz   not null,
    run_id             text,
    primary key (tenant_id, period, feature_type, gl_account)
);

create table cxone_invoice_event (
    id            bigserial   primary key,
    tenant_id     text        not null,
    event_type    text        not null,
    invoice_id    text,
    period        text        not null,
    received_at   timestamptz not null,
    payload       text        not null
);
create index cxone_invoice_event_period on cxone_invoice_event (tenant_id, period);

alter table erp_batch_line rename column carrier_name to dimension_a;
alter table erp_batch_line rename column destination_region to dimension_b;
alter table erp_batch_line rename column billed_minutes to quantity;
alter table erp_batch_line rename column leg_count to record_count;
alter table erp_batch_line add column description text;
