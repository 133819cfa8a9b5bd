package nl.pakketten.inmemory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An append-only list whose appends are undone when the transaction that made them fails. Undo
 * runs newest first, so undoing an append is removing the last element. Each value's position (its
 * append sequence, from 1) is indexed under a key, so a page of one key's values is read without
 * copying the others.
 */
final class AppendLog<K, V> {
  private final Store store;
  private final Function<V, K> keyOf;
  private final List<V> rows = new ArrayList<>();
  private final Map<K, List<Integer>> positions = new HashMap<>();

  AppendLog(Store store, Function<V, K> keyOf) {
    this.store = store;
    this.keyOf = keyOf;
  }

  /** A value and its append sequence (1 for the first value ever appended). */
  record Entry<V>(long seq, V value) {}

  void append(V value) {
    store.locked(() -> {
      rows.add(value);
      List<Integer> index = positions.computeIfAbsent(keyOf.apply(value), k -> new ArrayList<>());
      index.add(rows.size() - 1);
      store.onUndo(() -> {
        rows.remove(rows.size() - 1);
        index.remove(index.size() - 1);
      });
      return null;
    });
  }

  /** At most {@code limit} values of the key appended after sequence {@code after}, in the order appended. */
  List<Entry<V>> after(K key, long after, int limit) {
    return store.locked(() -> {
      List<Integer> index = positions.getOrDefault(key, List.of());
      int from = Collections.binarySearch(index, (int) Math.min(after, Integer.MAX_VALUE));
      from = from >= 0 ? from : -from - 1; // the first position p with p + 1 > after
      List<Entry<V>> result = new ArrayList<>();
      for (int i = from; i < index.size() && result.size() < limit; i++) {
        result.add(new Entry<>(index.get(i) + 1L, rows.get(index.get(i))));
      }
      return result;
    });
  }

  /** Every value of the key with its sequence, in the order appended, read one at a time. */
  void forEach(K key, java.util.function.BiConsumer<Long, V> action) {
    store.locked(() -> {
      for (int position : positions.getOrDefault(key, List.of())) {
        action.accept(position + 1L, rows.get(position));
      }
      return null;
    });
  }
}
