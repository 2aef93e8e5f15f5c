"""REST building blocks shared by every app's ``api`` package: errors, pagination, conditional requests."""
