-- A mark is one pupil's one session: that is its key. The surrogate id had no reader and cost
-- every insert a second index over the whole register.
alter table attendance_mark drop column id;
alter table attendance_mark drop constraint uk_attendance_mark,
    add constraint pk_attendance_mark primary key (pupil_id, mark_date, session);

-- Every mark's pupil exists, as the foreign key held, but checked once per statement instead of
-- once per row: a per-row check is half the cost of importing a million marks. Both sides are
-- held: a mark is written only for a pupil who exists (and is locked, as a foreign key locks it,
-- until the writing transaction ends), and a pupil with marks cannot be deleted, renumbered or
-- truncated. Deleting a pupil is checked in READ COMMITTED only (the application's and
-- PostgreSQL's default): under a snapshot isolation the check could miss marks committed meanwhile.
alter table attendance_mark drop constraint attendance_mark_pupil_id_fkey;

create function attendance_mark_pupil_exists() returns trigger language plpgsql as $$
declare
    marked bigint;
    held bigint;
    missing bigint;
begin
    -- one pass over the statement's marks: their pupils, each locked as a foreign key locks it
    with marked_pupils as materialized (select distinct pupil_id from new_marks),
         held_pupils as (select p.id from pupil p where p.id in (select pupil_id from marked_pupils) for key share of p)
    select (select count(*) from marked_pupils), (select count(*) from held_pupils) into marked, held;
    if held < marked then
        select m.pupil_id into missing from new_marks m
            where not exists (select 1 from pupil p where p.id = m.pupil_id) limit 1;
        raise foreign_key_violation using
            message = format('a register mark names pupil id %s, and there is no such pupil', missing),
            table = 'attendance_mark', column = 'pupil_id';
    end if;
    return null;
end $$;

create trigger attendance_mark_pupil_exists_on_insert after insert on attendance_mark
    referencing new table as new_marks for each statement execute function attendance_mark_pupil_exists();
create trigger attendance_mark_pupil_exists_on_update after update on attendance_mark
    referencing new table as new_marks for each statement execute function attendance_mark_pupil_exists();

create function pupil_deleted_without_marks() returns trigger language plpgsql as $$
declare
    marked bigint;
begin
    if current_setting('transaction_isolation') <> 'read committed' then
        raise object_not_in_prerequisite_state using
            message = 'pupils are deleted in READ COMMITTED transactions only, where their register marks are checked'
                || ' as they stand when the delete is done; this one is ' || current_setting('transaction_isolation');
    end if;
    select m.pupil_id into marked from attendance_mark m where m.pupil_id in (select id from deleted_pupils) limit 1;
    if found then
        raise foreign_key_violation using
            message = format('pupil id %s has register marks and cannot be deleted', marked),
            table = 'pupil';
    end if;
    return null;
end $$;

create trigger pupil_deleted_without_marks after delete on pupil
    referencing old table as deleted_pupils for each statement execute function pupil_deleted_without_marks();

create function pupil_id_unchanged() returns trigger language plpgsql as $$
begin
    raise foreign_key_violation using
        message = format('pupil id %s cannot change to %s: register marks refer to pupils by id', old.id, new.id),
        table = 'pupil';
end $$;

create trigger pupil_id_unchanged before update of id on pupil
    for each row when (old.id is distinct from new.id) execute function pupil_id_unchanged();

create function pupil_truncated_without_marks() returns trigger language plpgsql as $$
begin
    if exists (select 1 from attendance_mark) then
        raise foreign_key_violation using
            message = 'pupil cannot be truncated while attendance_mark holds marks: truncate attendance_mark first',
            table = 'pupil';
    end if;
    return null;
end $$;

create trigger pupil_truncated_without_marks before truncate on pupil
    for each statement execute function pupil_truncated_without_marks();
