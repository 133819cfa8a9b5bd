/** The in-memory adapter: every port in memory, thread-safe, transactional. */
package nl.pakketten.inmemory;
