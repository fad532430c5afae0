-- Placeholder: the statements follow in the next commit.
SELECT 1;