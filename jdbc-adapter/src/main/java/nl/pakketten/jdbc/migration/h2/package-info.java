/**
 * Internal: the H2 migrations of the SDK's tables, in Flyway's file naming, as resources of this
 * package (the module opens it, so Flyway finds them on the module path too).
 */
package nl.pakketten.jdbc.migration.h2;
