-- Least loaded: a group may hand out by load too (see storage/migrations/0020_least_loaded.sql).
ALTER TABLE groups DROP CONSTRAINT groups_mode_check;
ALTER TABLE groups ADD CONSTRAINT groups_mode_check
    CHECK (mode IN ('first_come', 'round_robin', 'least_loaded'));
