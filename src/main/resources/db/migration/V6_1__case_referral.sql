-- A case referred to the local authority: when, and to which service. The local authority's
-- users read only referred cases.
alter table intervention_case add column referred_on date;
alter table intervention_case add column referred_to varchar(200);
alter table intervention_case add constraint ck_case_referral check (referred_to is null or referred_on is not null);
