package nl.pakketten.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An append-only list whose appends are undone when the transaction that made them fails. Undo
 * runs newest first, so undoing an append is removing the last element.
 */
final class AppendLog<V> {
  private final Store store;
  private final List<V> rows = new ArrayList<>();

  AppendLog(Store store) {
    this.store = store;
  }

  void append(V value) {
    store.locked(() -> {
      rows.add(value);
      store.onUndo(() -> rows.remove(rows.size() - 1));
      return null;
    });
  }

  /** Values matching, in the order appended. */
  List<V> where(Predicate<V> filter) {
    return store.locked(() -> {
      List<V> result = new ArrayList<>();
      for (V v : rows) {
        if (filter.test(v)) {
          result.add(v);
        }
      }
      return result;
    });
  }
}
