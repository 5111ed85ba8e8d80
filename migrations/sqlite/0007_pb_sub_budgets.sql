-- Sub-budgets: a process's money split by district or by category, each part counted on
-- its own with its own projects (as Paris, Warsaw and many district schemes do). A process
-- without sub-budgets has no rows here and its projects have no sub_budget_id.
-- Keep postgres/0007_pb_sub_budgets.sql in step.

CREATE TABLE pb_sub_budgets (
    id TEXT PRIMARY KEY,
    process_id TEXT NOT NULL REFERENCES pb_processes (id) ON DELETE CASCADE,
    -- Short and URL-safe: the part's name in addresses and in its Pabulib file.
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    -- Whole currency units; the parts add up to the process's budget.
    budget BIGINT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (process_id, code)
);

ALTER TABLE pb_projects ADD COLUMN sub_budget_id TEXT REFERENCES pb_sub_budgets (id) ON DELETE RESTRICT;

-- A voter chooses projects in one sub-budget only (say, their own district), rather than
-- in each.
ALTER TABLE pb_processes ADD COLUMN one_sub_budget BOOLEAN NOT NULL DEFAULT FALSE;
