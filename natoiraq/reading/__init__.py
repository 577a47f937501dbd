"""Reading: paths, directories, JSON Lines and stdin become records (or named failures)."""
