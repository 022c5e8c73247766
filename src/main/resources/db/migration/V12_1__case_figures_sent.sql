-- The figures the daily evaluation last gave the case's route (a SHA-256 of its AttendanceUpdated
-- variables but figuresDate, hex): the same figures are not sent twice, so a second evaluation applies nothing.
alter table intervention_case add column figures_sent varchar(64);
