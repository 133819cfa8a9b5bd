package nl.pakketten.inmemory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** A map whose writes are undone when the transaction that made them fails. */
final class Table<K, V> {
  private final Store store;
  private final Map<K, V> rows = new LinkedHashMap<>();

  Table(Store store) {
    this.store = store;
  }

  Optional<V> get(K key) {
    return store.locked(() -> Optional.ofNullable(rows.get(key)));
  }

  boolean contains(K key) {
    return store.locked(() -> rows.containsKey(key));
  }

  void put(K key, V value) {
    store.locked(() -> {
      boolean existed = rows.containsKey(key);
      V old = rows.put(key, value);
      store.onUndo(() -> {
        if (existed) {
          rows.put(key, old);
        } else {
          rows.remove(key);
        }
      });
      return null;
    });
  }

  void remove(K key) {
    store.locked(() -> {
      if (rows.containsKey(key)) {
        V old = rows.remove(key);
        store.onUndo(() -> rows.put(key, old));
      }
      return null;
    });
  }

  /** Values matching, in insertion order. */
  List<V> where(Predicate<V> filter) {
    return store.locked(() -> {
      List<V> result = new ArrayList<>();
      for (V v : rows.values()) {
        if (filter.test(v)) {
          result.add(v);
        }
      }
      return result;
    });
  }
}
