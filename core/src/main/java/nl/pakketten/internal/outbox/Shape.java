package nl.pakketten.internal.outbox;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.pakketten.internal.style.Makers;
import org.jspecify.annotations.Nullable;

/**
 * How a composite value is taken apart and made again: a record by its components and canonical
 * constructor, an Immutables value by its attributes and the builder it registered with {@link
 * Makers} (the values have no public constructor or builder). Found by reflection once per type, so
 * that a new event or value needs no change to the codec.
 *
 * <p>An Immutables value is an abstract type with a nested {@code Builder} whose {@code build()}
 * makes it. Its attributes are the public no-argument methods that the builder has a one-argument
 * setter of the same name for: abstract accessors and {@code @Value.Default} ones alike, but not
 * derived methods such as {@code Movement.balanceEffect()}. They are kept in the order of their
 * names, since reflection gives methods in no fixed order.
 */
final class Shape {
  /**
   * One property of a composite.
   *
   * @param name its name, the key in the JSON object
   * @param type its generic type, which says how its value is encoded
   * @param accessor reads it from a value
   */
  record Property(String name, Type type, Method accessor) {}

  /** Makes a value from its properties' values, by a constructor or a builder. */
  @FunctionalInterface
  private interface Maker {
    Object make(@Nullable Object[] values) throws ReflectiveOperationException;
  }

  private final Class<?> type;
  private final List<Property> properties;
  private final Maker maker;

  private Shape(Class<?> type, List<Property> properties, Maker maker) {
    this.type = type;
    this.properties = List.copyOf(properties);
    this.maker = maker;
  }

  /**
   * The shape of a record or Immutables value.
   *
   * @param type a record, or an abstract type with a nested {@code Builder}
   * @return its shape, or empty when {@code type} is neither
   */
  static Optional<Shape> of(Class<?> type) {
    if (type.isRecord()) {
      return Optional.of(ofRecord(type));
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      return builderOf(type).map(builder -> ofValue(type, builder));
    }
    return Optional.empty();
  }

  private static Shape ofRecord(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    List<Property> properties = new ArrayList<>();
    for (RecordComponent component : components) {
      properties.add(new Property(component.getName(), component.getGenericType(), accessible(component.getAccessor())));
    }
    Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<?> canonical = accessible(type.getDeclaredConstructor(parameters));
      return new Shape(type, properties, canonical::newInstance);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("Record " + type.getName() + " has no canonical constructor", e);
    }
  }

  private static Optional<Class<?>> builderOf(Class<?> type) {
    return Arrays.stream(type.getDeclaredClasses())
        .filter(nested -> nested.getSimpleName().equals("Builder") && Modifier.isStatic(nested.getModifiers()))
        .filter(nested -> buildMethod(nested, type).isPresent())
        .findFirst();
  }

  private static Optional<Method> buildMethod(Class<?> builder, Class<?> type) {
    try {
      Method build = builder.getMethod("build");
      return type.isAssignableFrom(build.getReturnType()) ? Optional.of(build) : Optional.empty();
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static Shape ofValue(Class<?> type, Class<?> builder) {
    SortedMap<String, Method> accessors = new TreeMap<>(); // by name: the order they are written in
    Map<String, Method> setters = new HashMap<>();
    for (Method accessor : type.getMethods()) {
      if (accessor.getParameterCount() == 0 && !Modifier.isStatic(accessor.getModifiers()) && !accessor.isBridge()
          && accessor.getReturnType() != void.class && accessor.getDeclaringClass() != Object.class) {
        setter(builder, accessor).ifPresent(setter -> {
          accessors.put(accessor.getName(), accessible(accessor));
          setters.put(accessor.getName(), accessible(setter));
        });
      }
    }
    List<Property> properties = accessors.values().stream()
        .map(accessor -> new Property(accessor.getName(), accessor.getGenericReturnType(), accessor))
        .toList();
    List<Method> inOrder = accessors.keySet().stream().map(setters::get).toList();
    Method build = accessible(buildMethod(builder, type).orElseThrow());
    return new Shape(type, properties, values -> {
      Object made = Makers.make(builder);
      for (int i = 0; i < values.length; i++) {
        inOrder.get(i).invoke(made, values[i]);
      }
      return build.invoke(made);
    });
  }

  /**
   * The builder's setter of an attribute: the one-argument method of the accessor's name that takes
   * the accessor's type as it is (for an {@code Optional} attribute, the overload that takes the
   * {@code Optional}; for a list, the one that takes an {@code Iterable}).
   */
  private static Optional<Method> setter(Class<?> builder, Method accessor) {
    Class<?> attribute = accessor.getReturnType();
    return Arrays.stream(builder.getMethods())
        .filter(m -> m.getName().equals(accessor.getName()) && m.getParameterCount() == 1)
        .filter(m -> {
          Class<?> parameter = m.getParameterTypes()[0];
          return parameter.isPrimitive() ? parameter == attribute : parameter.isAssignableFrom(attribute);
        })
        .min(Comparator.comparing(m -> m.getParameterTypes()[0] == attribute ? 0 : 1));
  }

  /**
   * Allows reflective access where the language would not: the core's generated Immutables classes
   * and builders are package-private, their public methods reached from this package. All of them
   * are in the core's own module, so this works on the module path too.
   */
  private static <T extends AccessibleObject & Member> T accessible(T member) {
    boolean reachable = Modifier.isPublic(member.getModifiers());
    for (Class<?> c = member.getDeclaringClass(); reachable && c != null; c = c.getEnclosingClass()) {
      reachable = Modifier.isPublic(c.getModifiers());
    }
    if (!reachable) {
      member.setAccessible(true);
    }
    return member;
  }

  /** {@return its properties, in the order they are written} */
  List<Property> properties() {
    return properties;
  }

  /**
   * Reads one property of a value.
   *
   * @param property one of {@link #properties()}
   * @param value a value of this shape's type
   * @return the property's value
   */
  @Nullable Object read(Property property, Object value) {
    try {
      return property.accessor().invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + property.name() + " of " + type.getName(), e);
    }
  }

  /**
   * Makes a value through its canonical constructor or its builder, which check its invariants.
   *
   * @param values the properties' values, in the order of {@link #properties()}
   * @return the value
   * @throws IllegalArgumentException when the value refuses them, with the value's own reason
   */
  Object make(@Nullable Object[] values) {
    try {
      return maker.make(values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IllegalArgumentException("Cannot make " + type.getName() + ": " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
