-- A deal's amount: see storage/migrations/0021_won_amount.sql.
ALTER TABLE leads ADD COLUMN won_amount BIGINT;
ALTER TABLE reason_questions DROP CONSTRAINT reason_questions_kind_check;
ALTER TABLE reason_questions ADD CONSTRAINT reason_questions_kind_check
    CHECK (kind IN ('lost', 'returned', 'amount'));
