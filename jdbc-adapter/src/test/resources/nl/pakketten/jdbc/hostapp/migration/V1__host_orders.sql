-- A host application's own first migration: its own V1, beside Pakketten's.
CREATE TABLE host_orders (id INT PRIMARY KEY, note VARCHAR(100));
