//! Stratified random selection (sortition) for citizens' juries (see issue 9).
