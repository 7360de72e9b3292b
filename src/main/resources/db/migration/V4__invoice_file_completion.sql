-- A carrier file is completed once everything it leads to (rejected-line cases, total checks, reconciliation of
-- its days) has been done; a file stored but not completed (a failure or a restart in between) is resumed.
alter table carrier_invoice_file add column completed_at timestamptz;
update carrier_invoice_file set completed_at = received_at where status <> 'REJECTED';
