"""Tools for schools and reviewers beside the build: fmt, the offline check, the data diff."""
