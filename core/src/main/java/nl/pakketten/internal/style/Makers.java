package nl.pakketten.internal.style;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Internal: the one door to the builders of the API's values, which have no public constructor. A
 * value registers its builder's maker when its class is initialised; {@code
 * nl.pakketten.spi.ValueBuilders} (for adapters) and the SDK's use cases ask here. Not part of the
 * API: the module does not export this package.
 */
public final class Makers {
  private static final Map<Class<?>, Supplier<?>> MAKERS = new ConcurrentHashMap<>();

  private Makers() {}

  /**
   * Registers the maker of {@code type}, a builder nested in the value it builds. Called once, from
   * that value's static initialiser; a second registration of the same type is refused.
   *
   * @param type the builder's class
   * @param maker makes a new, empty builder
   * @param <T> the builder's type
   */
  public static <T> void register(Class<T> type, Supplier<? extends T> maker) {
    if (MAKERS.putIfAbsent(type, maker) != null) {
      throw new IllegalStateException(type.getName() + " has a maker already");
    }
  }

  /**
   * A new builder of {@code type}: the value it is nested in is initialised first, so that it has
   * registered its maker.
   *
   * @param type the builder's class, nested in the value it builds
   * @param <T> the builder's type
   * @return a new, empty builder
   */
  public static <T> T make(Class<T> type) {
    Supplier<?> maker = MAKERS.get(type);
    if (maker == null) {
      Class<?> value = type.getEnclosingClass();
      try {
        Class.forName(value.getName(), true, value.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      maker = MAKERS.get(type);
      if (maker == null) {
        throw new IllegalStateException(type.getName() + " registered no maker");
      }
    }
    return type.cast(maker.get());
  }
}
