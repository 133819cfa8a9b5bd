package nl.pakketten.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which page of a long read to return: at most {@link #size()} items after the cursor {@code after}
 * (empty for the first page). Reads that can grow without bound (a patient's history, the journal)
 * come in pages so one call never holds more than one page in memory. Take the next request from
 * {@link Page#next()}; a cursor is opaque, valid only for the read that returned it, and keeps its
 * meaning while rows are appended (keyset paging: no row is skipped or repeated).
 *
 * @param after the cursor of the last item already read; empty for the first page
 * @param size how many items at most, {@value #MIN_SIZE} to {@value #MAX_SIZE}
 */
public record PageRequest(Optional<String> after, int size) {
  /** The page size of {@link #first()}. */
  public static final int DEFAULT_SIZE = 500;
  public static final int MIN_SIZE = 1;
  /** The largest page a read returns; larger would defeat the bound on memory. */
  public static final int MAX_SIZE = 10_000;

  public PageRequest {
    if (after == null) {
      throw InvalidInputException.of("after", null, "must not be null (empty for the first page)");
    }
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw InvalidInputException.of("size", size, "must be between " + MIN_SIZE + " and " + MAX_SIZE);
    }
    if (after.isPresent() && (after.get().isEmpty() || after.get().length() > 200)) {
      throw InvalidInputException.of("after", after.get(), "is not a cursor a read returned");
    }
  }

  /** The first page, of {@value #DEFAULT_SIZE} items. */
  public static PageRequest first() {
    return first(DEFAULT_SIZE);
  }

  /** The first page, of {@code size} items. */
  public static PageRequest first(int size) {
    return new PageRequest(Optional.empty(), size);
  }

  /** The page after the item whose cursor is {@code cursor}, of the same size. */
  public PageRequest after(String cursor) {
    return new PageRequest(Optional.of(cursor), size);
  }

  // For adapters: the two cursor shapes the SDK's paged reads use.

  /** The cursor of an item at append sequence {@code seq} (a positive number). */
  public static String sequenceCursor(long seq) {
    return Long.toString(seq);
  }

  /** The append sequence after which this page starts: 0 for the first page. */
  public long afterSequence() {
    if (after.isEmpty()) {
      return 0;
    }
    try {
      long seq = Long.parseLong(after.get());
      if (seq > 0) {
        return seq;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw notACursor();
  }

  /** A key of a read ordered by time, then by append sequence. */
  public record TimeKey(Instant at, long seq) {
    public String cursor() {
      return at + "/" + seq;
    }
  }

  /** The (time, sequence) key after which this page starts; empty for the first page. */
  public Optional<TimeKey> afterTimeKey() {
    if (after.isEmpty()) {
      return Optional.empty();
    }
    int slash = after.get().indexOf('/');
    try {
      if (slash > 0) {
        long seq = Long.parseLong(after.get().substring(slash + 1));
        if (seq > 0) {
          return Optional.of(new TimeKey(Instant.parse(after.get().substring(0, slash)), seq));
        }
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      // reported below
    }
    throw notACursor();
  }

  private InvalidInputException notACursor() {
    return InvalidInputException.of("after", after.orElse(null), "is not a cursor this read returned");
  }
}
