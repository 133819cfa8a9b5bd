/** The in-memory adapter: every port in memory, thread-safe, transactional. */
@NullMarked
package nl.pakketten.inmemory;

import org.jspecify.annotations.NullMarked;
