-- Orders no longer record which technique priced them: that is the lab's knowledge, not the
-- order's. Each line still records where its price came from (order_lines.source).
ALTER TABLE orders DROP COLUMN technique;
