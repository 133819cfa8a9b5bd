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
  /** The smallest page a read returns. */
  public static final int MIN_SIZE = 1;
  /** The largest page a read returns; larger would defeat the bound on memory. */
  public static final int MAX_SIZE = 10_000;

  /**
   * A request for the page after {@code after}.
   *
   * @param after the cursor of the last item already read; empty for the first page
   * @param size how many items at most, {@value #MIN_SIZE} to {@value #MAX_SIZE}
   * @throws InvalidInputException when {@code after} is null or not a cursor, or {@code size} is
   *     out of range
   */
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

  /**
   * The first page, of {@value #DEFAULT_SIZE} items.
   *
   * @return a request without a cursor
   */
  public static PageRequest first() {
    return first(DEFAULT_SIZE);
  }

  /**
   * The first page, of {@code size} items.
   *
   * @param size how many items at most, {@value #MIN_SIZE} to {@value #MAX_SIZE}
   * @return a request without a cursor
   * @throws InvalidInputException when {@code size} is out of range
   */
  public static PageRequest first(int size) {
    return new PageRequest(Optional.empty(), size);
  }

  /**
   * The page after the item whose cursor is {@code cursor}, of the same size.
   *
   * @param cursor a cursor the same read returned
   * @return the request for the following page
   * @throws InvalidInputException when {@code cursor} is empty or too long to be a cursor
   */
  public PageRequest after(String cursor) {
    return new PageRequest(Optional.of(cursor), size);
  }

  // For adapters: the two cursor shapes the SDK's paged reads use.

  /**
   * The cursor of an item at append sequence {@code seq}. For adapters.
   *
   * @param seq the item's append sequence, a positive number
   * @return the cursor, as {@link #afterSequence()} reads it back
   */
  public static String sequenceCursor(long seq) {
    return Long.toString(seq);
  }

  /**
   * The append sequence after which this page starts. For adapters.
   *
   * @return the sequence of the last item already read; 0 for the first page
   * @throws InvalidInputException when the cursor is not one of a sequence-ordered read
   */
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

  /**
   * A key of a read ordered by time, then by append sequence. For adapters.
   *
   * @param at the item's time
   * @param seq the item's append sequence, a positive number that breaks ties in time
   */
  public record TimeKey(Instant at, long seq) {
    /**
     * The cursor of the item with this key.
     *
     * @return the cursor, as {@link PageRequest#afterTimeKey()} reads it back
     */
    public String cursor() {
      return at + "/" + seq;
    }
  }

  /**
   * The (time, sequence) key after which this page starts. For adapters.
   *
   * @return the key of the last item already read; empty for the first page
   * @throws InvalidInputException when the cursor is not one of a time-ordered read
   */
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
