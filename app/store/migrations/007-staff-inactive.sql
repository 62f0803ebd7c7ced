-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 7: a staff member can be deactivated (issue 17), never deleted: the audit trail,
-- visits and approvals name them. A deactivated member keeps every reference; lists of whom to
-- choose are to leave them out. A column added at the end with a constant default rewrites nothing.
ALTER TABLE staff ADD COLUMN inactive INTEGER NOT NULL DEFAULT 0;
