-- Instants outside years 0000..9999 have no RFC 3339 form: no event could carry them and reads
-- of the row failed. The API refuses them now; rows stored before are brought into range.
update user_activities set end_time = null
 where end_time < timestamptz '0001-01-01 00:00:00+00 BC' or end_time >= timestamptz '10000-01-01 00:00:00+00';
update user_activities set start_time = now()
 where start_time < timestamptz '0001-01-01 00:00:00+00 BC' or start_time >= timestamptz '10000-01-01 00:00:00+00';
update user_activities set end_time = null where end_time <= start_time;
update user_profiles set custom_status_expires_at = null
 where custom_status_expires_at >= timestamptz '10000-01-01 00:00:00+00';

alter table user_activities
    add constraint user_activities_start_in_rfc3339_years
        check (start_time >= timestamptz '0001-01-01 00:00:00+00 BC' and start_time < timestamptz '10000-01-01 00:00:00+00'),
    add constraint user_activities_end_in_rfc3339_years
        check (end_time >= timestamptz '0001-01-01 00:00:00+00 BC' and end_time < timestamptz '10000-01-01 00:00:00+00');
alter table user_profiles
    add constraint user_profiles_status_expiry_in_rfc3339_years
        check (custom_status_expires_at < timestamptz '10000-01-01 00:00:00+00');
