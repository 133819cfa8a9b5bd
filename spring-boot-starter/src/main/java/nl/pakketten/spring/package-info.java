/**
 * The Spring Boot starter: auto-configures a {@link nl.pakketten.Pakketten} over the application's
 * {@code DataSource} that joins Spring-managed transactions, applies the SDK's migrations next to the
 * application's own Flyway, publishes the SDK's domain events as Spring application events after the
 * surrounding transaction commits, binds the policies to {@code pakketten.*} properties and, with
 * Micrometer, records metrics of every command. See {@code docs/spring-boot.md}.
 */
@NullMarked
package nl.pakketten.spring;

import org.jspecify.annotations.NullMarked;
