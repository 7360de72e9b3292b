-- The day a current invoice line belongs to when that is not its own date: the day of the carrier leg of its own
-- carrier it bills. A pass of the line's own day records it (ReconciliationService) and that day is reconciled
-- again with the line. Finding such lines took, on every reconciliation, a join of all the carrier's lines with its
-- legs: 11.8 s per carrier at 10M legs, for the handful a carrier's clock dates across midnight.
alter table carrier_invoice_line add column leg_day date;
create index carrier_invoice_line_leg_day on carrier_invoice_line (leg_day) where leg_day is not null;
