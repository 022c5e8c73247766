-- A mark is one pupil's one session: that is its key. The surrogate id had no reader.
-- (PostgreSQL's migration of the same version also checks the pupil in bulk; H2 keeps the foreign key.)
alter table attendance_mark drop primary key;
alter table attendance_mark drop column id;
alter table attendance_mark drop constraint uk_attendance_mark;
alter table attendance_mark add constraint pk_attendance_mark primary key (pupil_id, mark_date, session);
