-- Webex wholesale billing: the SKU price list, the billing reports requested from Webex and their rows, the partner
-- invoices, and per period the priced customer statements (with per-user detail) and their reconciliation.

create table ref_webex_sku_price (
    version_id      bigint        not null references reference_data_version (id),
    line_no         integer       not null,
    sku             text          not null,
    description     text          not null,
    price_unit      text          not null,
    unit_price      numeric(18,4) not null,
    currency        text          not null,
    gl_account      text          not null,
    effective_from  date          not null,
    effective_to    date,
    primary key (version_id, line_no)
);

-- Every report the hub created, reused or deleted at Webex, with its last known status and errors.
create table webex_report (
    report_id       text        primary key,
    partner_id      text        not null,
    scope_org_id    text        not null,
    sub_partner     boolean     not null,
    report_type     text        not null,
    billing_start   date        not null,
    billing_end     date        not null,
    status          text        not null,
    errors          jsonb,
    first_seen_at   timestamptz not null,
    updated_at      timestamptz not null,
    deleted_at      timestamptz,
    run_id          text
);

-- One completed download of one report; the latest per partner scope, level and period is the one in use.
create table webex_extraction (
    extraction_id   bigserial   primary key,
    run_id          text        not null,
    partner_id      text        not null,
    scope_org_id    text        not null,
    report_type     text        not null,
    period          text        not null,
    report_id       text        not null,
    rows_in         bigint      not null,
    accepted        bigint      not null,
    rejected        bigint      not null,
    checksum        text        not null,
    extracted_at    timestamptz not null
);
create index webex_extraction_period on webex_extraction (period, partner_id, scope_org_id, report_type);

-- The rows of a downloaded report (replaced whole when the same report is downloaded again).
create table webex_report_row (
    report_id             text          not null,
    record_no             bigint        not null,
    identity              text          not null,
    partner_org_id        text          not null,
    partner_name          text          not null,
    subscription_id       text          not null,
    service_name          text          not null,
    sku                   text          not null,
    description           text          not null,
    consumption_start     date          not null,
    consumption_end       date          not null,
    quantity              numeric(18,6) not null,
    customer_org_id       text          not null,
    customer_external_id  text          not null,
    subscriber_id         text          not null,
    user_id               text          not null,
    workspace_id          text          not null,
    location_id           text          not null,
    license_id            text          not null,
    raw                   text          not null,
    primary key (report_id, record_no)
);
create index webex_report_row_identity on webex_report_row (report_id, identity);

-- A partner invoice as dropped over SFTP; a corrected file for the same invoice number replaces it.
create table webex_invoice (
    partner_id      text          not null,
    invoice_number  text          not null,
    period          text          not null,
    currency        text          not null,
    total           numeric(18,2) not null,
    line_count      integer       not null,
    file_name       text          not null,
    checksum        text          not null,
    received_at     timestamptz   not null,
    run_id          text,
    primary key (partner_id, invoice_number)
);

create table webex_invoice_line (
    partner_id            text          not null,
    invoice_number        text          not null,
    line_no               integer       not null,
    partner_org_id        text          not null,
    customer_org_id       text          not null,
    customer_external_id  text          not null,
    sku                   text          not null,
    description           text          not null,
    quantity              numeric(18,6) not null,
    unit_price            numeric(18,4),
    amount                numeric(18,2) not null,
    primary key (partner_id, invoice_number, line_no),
    foreign key (partner_id, invoice_number) references webex_invoice (partner_id, invoice_number) on delete cascade
);

-- The priced usage of a period per customer and SKU (the statements), replaced by each rating of the period.
create table webex_statement_line (
    period                text          not null,
    partner_id            text          not null,
    scope_org_id          text          not null,
    customer_org_id       text          not null,
    customer_external_id  text          not null,
    sku                   text          not null,
    description           text          not null,
    service_name          text          not null,
    quantity              numeric(18,6) not null,
    price_unit            text,
    unit_price            numeric(18,4),
    gl_account            text,
    amount                numeric(18,2),
    row_count             integer       not null,
    status                text          not null,
    run_id                text          not null,
    primary key (period, partner_id, customer_org_id, sku)
);

-- Per-user detail of the statements (USER reports): each customer x SKU amount split by quantity, adding up exactly.
create table webex_statement_user (
    period                text          not null,
    partner_id            text          not null,
    customer_org_id       text          not null,
    sku                   text          not null,
    consumer              text          not null,
    subscriber_id         text          not null,
    user_id               text          not null,
    workspace_id          text          not null,
    location_id           text          not null,
    license_id            text          not null,
    consumption_start     date          not null,
    consumption_end       date          not null,
    quantity              numeric(18,6) not null,
    amount                numeric(18,2) not null,
    primary key (period, partner_id, customer_org_id, sku, consumer, location_id, license_id)
);

-- The reconciliation of the period's usage with the partner invoice, per SKU and per customer.
create table webex_reconciliation (
    period            text          not null,
    partner_id        text          not null,
    dimension         text          not null,
    key               text          not null,
    label             text          not null,
    usage_quantity    numeric(18,6) not null,
    invoice_quantity  numeric(18,6) not null,
    usage_amount      numeric(18,2),
    invoice_amount    numeric(18,2) not null,
    variance          numeric(18,2),
    status            text          not null,
    invoice_lines     integer       not null,
    run_id            text          not null,
    primary key (period, partner_id, dimension, key)
);
