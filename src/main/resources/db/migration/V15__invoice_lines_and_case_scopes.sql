-- Invoice lines are written only with their invoice, in the transaction that creates the invoice row
-- (InvoiceFileStore), and invoices are never deleted. The foreign key checked that again for every line with a row
-- lock on the invoice, and with the three single-column indexes it made COPYing 879,012 lines take 11.1 s on one
-- backend; without the key and with the one index the reads use, 3.7 s.
alter table carrier_invoice_line drop constraint carrier_invoice_line_invoice_id_fkey;
-- Lines are read by invoice (an invoice's lines, its first day) and by an invoice's day (reconciliation, a carrier
-- at a time); no query looks a line up by its leg reference: lines meet their legs by hash join.
drop index carrier_invoice_line_invoice;
drop index carrier_invoice_line_day;
drop index carrier_invoice_line_leg;
create index carrier_invoice_line_invoice_day on carrier_invoice_line (invoice_id, utc_day);

-- A reconciled day closes the open cases of its scope that it no longer finds (ExceptionQueue.autoResolveAbsent):
-- a range of keys starting with the day (and carrier), in byte order. Without this the update read every open
-- case for every carrier and day reconciled.
create index exception_item_open_scope on exception_item (dedupe_key text_pattern_ops) where status <> 'RESOLVED';
