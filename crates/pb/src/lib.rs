//! Participatory budgeting engine: Pabulib format, ballots and counting rules (see issue 3).
