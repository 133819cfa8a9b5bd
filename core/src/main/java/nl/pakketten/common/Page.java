package nl.pakketten.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a long read, in the read's stable order.
 *
 * @param items at most the requested size of items
 * @param next the request for the following page; empty when this page is the last
 * @param <T> the type of the items
 */
public record Page<T>(List<T> items, Optional<PageRequest> next) {
  /**
   * A page of the given items.
   *
   * @param items the items, at most the requested size; copied
   * @param next the request for the following page; empty when this page is the last
   */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }

  /**
   * A page cut from {@code rows} read with a limit of {@code request.size() + 1}: the extra row
   * only tells that there is a next page, which starts after the cursor of this page's last row.
   * For adapters.
   *
   * @param rows the rows read, at most {@code request.size() + 1}
   * @param request the request the rows were read for
   * @param item turns a row into an item of the page
   * @param cursor gives the cursor of a row, for the next request
   * @param <R> the type of the rows read
   * @param <T> the type of the items
   * @return the page, with a next request when there were more rows than the page holds
   */
  public static <R, T> Page<T> of(List<R> rows, PageRequest request, Function<R, T> item,
      Function<R, String> cursor) {
    int size = Math.min(rows.size(), request.size());
    List<T> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      items.add(item.apply(rows.get(i)));
    }
    return new Page<>(items, rows.size() > request.size()
        ? Optional.of(request.after(cursor.apply(rows.get(size - 1))))
        : Optional.empty());
  }
}
