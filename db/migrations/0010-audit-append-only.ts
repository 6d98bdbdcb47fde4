import type { Migration } from './migration.ts';

/**
 * The audit log is append-only: the database itself refuses to change or remove a row (HIPAA audit
 * controls, 45 CFR 164.312(b)). The one update allowed is the foreign key's own: when a case is
 * deleted, its rows' case_id becomes NULL (the row's detail keeps which case it was).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'audit-append-only',
  sql: `
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    WHEN NOT (
      OLD.case_id IS NOT NULL AND NEW.case_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id)
      AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.user_id = OLD.user_id
      AND NEW.action = OLD.action AND NEW.detail = OLD.detail
    )
    BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be changed');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted');
    END;
  `,
};
