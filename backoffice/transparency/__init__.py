"""DSA statements of reasons: one per decision and per automatic measure, exported in batches."""
