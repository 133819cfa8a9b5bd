ALTER TABLE host_orders ADD COLUMN placed_at DATE;
