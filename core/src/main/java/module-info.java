/**
 * Pakketten's core: prepaid packages of appointments for care practices. Hosts use {@link
 * nl.pakketten.Pakketten}, the one entry point, and read the values, commands, results and events
 * of the rooms: {@code common}, {@code access}, {@code catalog}, {@code wallet}, {@code
 * appointments}, {@code granting}, {@code invoicing}, {@code sale}, {@code outbox}, {@code revenue} and
 * {@code storage}. Storage adapters implement
 * the ports of {@code spi}; {@code inmemory} is the thread-safe in-memory storage. The use cases and
 * the transaction runner ({@code nl.pakketten.internal..}) are not exported.
 */
module nl.pakketten.core {
  // In the API's signatures: money, nullness annotations, the constraint annotations of commands.
  requires transitive org.joda.money;
  requires transitive org.jspecify;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;
  requires org.slf4j;
  // Annotations and processor at compile time only.
  requires static org.immutables.value;

  exports nl.pakketten;
  exports nl.pakketten.access;
  exports nl.pakketten.appointments;
  exports nl.pakketten.catalog;
  exports nl.pakketten.common;
  exports nl.pakketten.granting;
  exports nl.pakketten.inmemory;
  exports nl.pakketten.invoicing;
  exports nl.pakketten.outbox;
  exports nl.pakketten.revenue;
  exports nl.pakketten.sale;
  exports nl.pakketten.spi;
  exports nl.pakketten.storage;
  exports nl.pakketten.wallet;

  // Hibernate Validator reads the constraints of commands and calls their accessors.
  opens nl.pakketten.access to org.hibernate.validator;
  opens nl.pakketten.appointments to org.hibernate.validator;
  opens nl.pakketten.catalog to org.hibernate.validator;
  opens nl.pakketten.common to org.hibernate.validator;
  opens nl.pakketten.granting to org.hibernate.validator;
  opens nl.pakketten.invoicing to org.hibernate.validator;
  opens nl.pakketten.outbox to org.hibernate.validator;
  opens nl.pakketten.sale to org.hibernate.validator;
  opens nl.pakketten.wallet to org.hibernate.validator;
}
