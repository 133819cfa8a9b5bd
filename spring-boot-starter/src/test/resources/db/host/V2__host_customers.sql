CREATE TABLE host_customers (id INT PRIMARY KEY);
