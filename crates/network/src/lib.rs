//! Community network analysis engine: graphs, measures, communities and layout (see issue 4).
