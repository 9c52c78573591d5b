"""Reports: each module turns a run's result into one output format, and only prints."""
