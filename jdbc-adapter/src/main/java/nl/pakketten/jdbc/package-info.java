/**
 * The JDBC adapter: every port of the core over a {@link javax.sql.DataSource}, on PostgreSQL and
 * H2, with plain JDBC. Start at {@link nl.pakketten.jdbc.JdbcStorage}; to run commands inside a
 * transaction the host opened, see {@link nl.pakketten.jdbc.HostTransaction} and {@link
 * nl.pakketten.jdbc.JdbcStorage#inHostTransaction}. The schema ships as Flyway-named migrations
 * under {@code nl/pakketten/jdbc/migration/<database>/} in this jar.
 */
@NullMarked
package nl.pakketten.jdbc;

import org.jspecify.annotations.NullMarked;
