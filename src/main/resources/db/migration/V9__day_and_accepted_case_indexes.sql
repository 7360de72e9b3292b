-- Reconciliation reads the invoice lines of one UTC day at a time; V1 indexes lines only by invoice and by leg
-- reference, so without this each reconciled day would scan every line of every month.
create index carrier_invoice_line_day on carrier_invoice_line (utc_day);

-- Raising a case first looks for the same problem resolved as ACCEPTED (it stays accepted). Only open cases are
-- indexed by key (exception_item_open_key), so that look-up read every resolved case of the type, a history that
-- grows by tens of thousands of reconciliation cases a month; accepted cases are few.
create index exception_item_accepted_key on exception_item (type, dedupe_key)
    where status = 'RESOLVED' and resolution = 'ACCEPTED';
