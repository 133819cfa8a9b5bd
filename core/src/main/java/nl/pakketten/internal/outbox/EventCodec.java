package nl.pakketten.internal.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.pakketten.common.DomainEvent;
import nl.pakketten.common.Identifier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The durable form of a domain event: a compact JSON text that a transactional outbox stores in the
 * same transaction as the change, and from which the same SDK version, in this process or another
 * one after a crash, makes an event {@code equals} to the original.
 *
 * <p>The text names the format's version, the event's type and its properties:
 *
 * <pre>{@code
 * {"version":1,"type":"nl.pakketten.catalog.CatalogEvents.PackageDeleted",
 *  "event":{"practice":"practice-1","at":"2026-03-02T09:00:00Z","actor":"owner-1","packageId":"basis"}}
 * }</pre>
 *
 * (one line in the real text). The codec is generic, driven by the declared types of the events'
 * record components, so that a new event needs no change here:
 *
 * <ul>
 *   <li>records by their components and canonical constructor, Immutables values by their attributes
 *       and builder (see {@link Shape}), each as a JSON object;
 *   <li>a sealed interface as an object with one key, the permitted subtype's simple name, whose
 *       value is that subtype's form: {@code {"Covered":{...}}};
 *   <li>identifiers ({@link Identifier}) as their text, rebuilt by their static {@code of(String)};
 *       enums by name; {@link Instant}, {@link LocalDate} and {@link java.time.Period} in ISO-8601; {@link Money} as {@code
 *       {"currency":"EUR","amount":"12.50"}}; {@link BigDecimal} as a string, keeping its scale;
 *       {@code int}, {@code long} and {@code boolean} as JSON numbers and booleans;
 *   <li>{@code Optional} as its value or {@code null}; lists as arrays; sets as arrays sorted by
 *       their elements' text, so that the same event always gives the same text; {@code null} (a
 *       {@code @Nullable} component) as {@code null}.
 * </ul>
 *
 * <p>The text is data, not code: decoding looks up the class a text names only when the name is
 * under {@code nl.pakketten} and outside {@code internal}, without initialising it, and makes an
 * event only of a {@link DomainEvent} record; every other type it makes is one that the event's
 * declared component types reach, never one the text names. Whatever is wrong with a text
 * (malformed JSON, a newer format, an unknown or refused type, a missing or unknown key, a value its
 * type refuses) is an {@link IllegalArgumentException} that names the problem and where it is.
 */
public final class EventCodec {
  /** The version of the format this SDK writes; it reads texts of this version and older. */
  public static final int VERSION = 1;

  private static final String ROOT = "nl.pakketten.";

  /** A type's canonical name: lower-case package segments, then upper-case class segments. */
  private static final Pattern TYPE_NAME =
      Pattern.compile("nl\\.pakketten(\\.[a-z][a-z0-9]*)+(\\.[A-Z][A-Za-z0-9]*)+");

  private static final ClassValue<Optional<Shape>> SHAPES = new ClassValue<>() {
    @Override
    protected Optional<Shape> computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  /** Whether a class is sealed: asked for every value written, and slow to ask the class itself. */
  private static final ClassValue<Boolean> SEALED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return type.isSealed();
    }
  };

  private EventCodec() {}

  /**
   * The event as a compact JSON text; the same event always gives the same text.
   *
   * @param event a domain event: a record implementing {@link DomainEvent} in a package under
   *     {@code nl.pakketten}, outside {@code internal}
   * @return its text
   * @throws IllegalArgumentException when the event is not such a record, or one of its components
   *     is of a type the codec cannot write
   */
  public static String encode(DomainEvent event) {
    Class<?> type = event.getClass();
    String name = Objects.requireNonNullElse(type.getCanonicalName(), type.getName());
    checkEventType(type, name);
    Map<String, @Nullable Object> root = new LinkedHashMap<>();
    root.put("version", VERSION);
    root.put("type", name);
    root.put("event", write(event, type, "event"));
    return Json.write(root);
  }

  /**
   * The event a text of {@link #encode} stands for.
   *
   * @param text a text written by {@link #encode} of this or an earlier SDK version
   * @return an event {@code equals} to the one encoded
   * @throws IllegalArgumentException when the text is malformed, of a newer format version, names
   *     an unknown type or one that is not an allowed domain event, lacks a property or has an
   *     unknown one, or holds a value its type refuses
   */
  public static DomainEvent decode(String text) {
    Map<String, @Nullable Object> root = object(Json.parse(Objects.requireNonNull(text, "text")), "the text");
    requireKeys(root, List.of("version", "type", "event"), "the text");
    BigDecimal number = integer(root.get("version"), "version");
    int version = parsed("version", number::intValueExact);
    if (version > VERSION) {
      throw new IllegalArgumentException("Format version " + version + " is newer than this SDK reads (" + VERSION
          + "); decode it with the SDK version that wrote it");
    }
    if (version < 1) {
      throw new IllegalArgumentException("Format version " + version + " does not exist");
    }
    Class<?> type = eventType(string(root.get("type"), "type"));
    return (DomainEvent) read(root.get("event"), type, "event");
  }

  /**
   * The event class a type name names, loaded only after the name is known to be under {@code
   * nl.pakketten} and outside {@code internal}, and without running its initialiser before it is
   * known to be a domain event record.
   */
  private static Class<?> eventType(String name) {
    if (!TYPE_NAME.matcher(name).matches() || name.startsWith(ROOT + "internal.")) {
      throw new IllegalArgumentException("Event type " + name + " is not allowed: only domain events of the packages"
          + " under nl.pakketten, outside nl.pakketten.internal, are decoded");
    }
    // Canonical name to binary name: the class segments (upper case) are nested classes.
    String[] segments = name.split("\\.");
    StringBuilder binary = new StringBuilder(segments[0]);
    for (int i = 1; i < segments.length; i++) {
      boolean nested = Character.isUpperCase(segments[i - 1].charAt(0));
      binary.append(nested ? '$' : '.').append(segments[i]);
    }
    Class<?> type;
    try {
      type = Class.forName(binary.toString(), false, EventCodec.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("Unknown event type " + name, e);
    }
    checkEventType(type, name);
    return type;
  }

  /** Refuses a type that is not a domain event record of an allowed package, or not named by its canonical name. */
  private static void checkEventType(Class<?> type, String name) {
    String packageName = type.getPackageName() + ".";
    boolean allowed = type.isRecord() && DomainEvent.class.isAssignableFrom(type) && name.equals(type.getCanonicalName())
        && packageName.startsWith(ROOT) && !packageName.startsWith(ROOT + "internal.");
    if (!allowed) {
      throw new IllegalArgumentException("Type " + name + " is not an allowed domain event: a record implementing "
          + "DomainEvent in a package under nl.pakketten, outside nl.pakketten.internal");
    }
  }

  // --- writing ---------------------------------------------------------------------------------

  /** The JSON tree of a value of the declared type {@code type}; {@code path} names it in errors. */
  private static @Nullable Object write(@Nullable Object value, Type type, String path) {
    if (value == null) {
      return null;
    }
    Class<?> raw = raw(type, path);
    if (raw == Optional.class) {
      return write(((Optional<?>) value).orElse(null), argument(type, path), path);
    }
    if (raw == List.class) {
      List<@Nullable Object> array = new ArrayList<>();
      int i = 0;
      for (Object element : (List<?>) value) {
        array.add(write(element, argument(type, path), path + "[" + i++ + "]"));
      }
      return array;
    }
    if (raw == Set.class) {
      List<@Nullable Object> array = new ArrayList<>();
      for (Object element : (Set<?>) value) {
        array.add(write(element, argument(type, path), path + "[]"));
      }
      array.sort(Comparator.comparing(Json::write));
      return array;
    }
    if (raw == String.class || raw == boolean.class || raw == Boolean.class || raw == int.class
        || raw == Integer.class || raw == long.class || raw == Long.class) {
      return value;
    }
    if (raw == BigDecimal.class || raw == Instant.class || raw == LocalDate.class || raw == java.time.Period.class) {
      return value.toString();
    }
    if (raw == Money.class) {
      Money money = (Money) value;
      Map<String, @Nullable Object> object = new LinkedHashMap<>();
      object.put("currency", money.getCurrencyUnit().getCode());
      object.put("amount", money.getAmount().toPlainString());
      return object;
    }
    if (raw.isEnum()) {
      return ((Enum<?>) value).name();
    }
    if (Identifier.class.isAssignableFrom(raw)) {
      return ((Identifier) value).value();
    }
    if (SEALED.get(raw)) {
      Class<?> subtype = permitted(raw, value.getClass(), path);
      Map<String, @Nullable Object> object = new LinkedHashMap<>();
      object.put(subtype.getSimpleName(), write(value, subtype, path + "." + subtype.getSimpleName()));
      return object;
    }
    Shape shape = shape(raw, path);
    Map<String, @Nullable Object> object = new LinkedHashMap<>();
    for (Shape.Property property : shape.properties()) {
      object.put(property.name(), write(shape.read(property, value), property.type(), path + "." + property.name()));
    }
    return object;
  }

  /** The permitted subtype of the sealed {@code type} that {@code actual} is, or is a subclass of. */
  private static Class<?> permitted(Class<?> type, Class<?> actual, String path) {
    for (Class<?> subtype : type.getPermittedSubclasses()) {
      if (subtype.isAssignableFrom(actual)) {
        return subtype;
      }
    }
    throw new IllegalArgumentException(path + ": " + actual.getName() + " is not permitted by " + type.getName());
  }

  // --- reading ---------------------------------------------------------------------------------

  /** The value of the declared type {@code type} that a JSON tree stands for. */
  private static @Nullable Object read(@Nullable Object json, Type type, String path) {
    Class<?> raw = raw(type, path);
    if (raw == Optional.class) {
      return Optional.ofNullable(read(json, argument(type, path), path));
    }
    if (json == null) {
      if (raw.isPrimitive()) {
        throw new IllegalArgumentException(path + ": null for a " + raw.getName());
      }
      return null;
    }
    if (raw == List.class || raw == Set.class) {
      List<@Nullable Object> array = array(json, path);
      List<@Nullable Object> elements = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        elements.add(read(array.get(i), argument(type, path), path + "[" + i + "]"));
      }
      return raw == List.class
          ? Collections.unmodifiableList(elements)
          : Collections.unmodifiableSet(new LinkedHashSet<>(elements));
    }
    return readValue(json, raw, path);
  }

  private static Object readValue(Object json, Class<?> raw, String path) {
    if (raw == String.class) {
      return string(json, path);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (json instanceof Boolean b) {
        return b;
      }
      throw new IllegalArgumentException(path + ": expected true or false, found " + Json.write(json));
    }
    if (raw == int.class || raw == Integer.class) {
      return parsed(path, integer(json, path)::intValueExact);
    }
    if (raw == long.class || raw == Long.class) {
      return parsed(path, integer(json, path)::longValueExact);
    }
    if (raw == BigDecimal.class) {
      String text = string(json, path);
      return parsed(path, () -> new BigDecimal(text));
    }
    if (raw == Instant.class) {
      String text = string(json, path);
      return parsed(path, () -> Instant.parse(text));
    }
    if (raw == LocalDate.class) {
      String text = string(json, path);
      return parsed(path, () -> LocalDate.parse(text));
    }
    if (raw == java.time.Period.class) {
      String text = string(json, path);
      return parsed(path, () -> java.time.Period.parse(text));
    }
    if (raw == Money.class) {
      Map<String, @Nullable Object> object = object(json, path);
      requireKeys(object, List.of("currency", "amount"), path);
      String currency = string(object.get("currency"), path + ".currency");
      String amount = string(object.get("amount"), path + ".amount");
      return parsed(path, () -> Money.of(CurrencyUnit.of(currency), new BigDecimal(amount)));
    }
    if (raw.isEnum()) {
      return enumConstant(raw, string(json, path), path);
    }
    if (Identifier.class.isAssignableFrom(raw)) {
      return identifier(raw, string(json, path), path);
    }
    if (SEALED.get(raw)) {
      Map<String, @Nullable Object> object = object(json, path);
      if (object.size() != 1) {
        throw new IllegalArgumentException(path + ": expected one key naming a subtype of " + raw.getName()
            + ", found " + object.keySet());
      }
      String name = object.keySet().iterator().next();
      for (Class<?> subtype : raw.getPermittedSubclasses()) {
        if (subtype.getSimpleName().equals(name)) {
          return read(object.get(name), subtype, path + "." + name);
        }
      }
      throw new IllegalArgumentException(path + ": " + name + " is not a subtype of " + raw.getName());
    }
    Shape shape = shape(raw, path);
    Map<String, @Nullable Object> object = object(json, path);
    List<Shape.Property> properties = shape.properties();
    requireKeys(object, properties.stream().map(Shape.Property::name).toList(), path);
    @Nullable Object[] values = new Object[properties.size()];
    for (int i = 0; i < values.length; i++) {
      Shape.Property property = properties.get(i);
      values[i] = read(object.get(property.name()), property.type(), path + "." + property.name());
    }
    return parsed(path, () -> shape.make(values));
  }

  /**
   * What {@code parse} returns; its refusal (a date that is no date, a number out of range, a value
   * whose invariants fail) becomes an {@link IllegalArgumentException} that names the path.
   */
  private static <T> T parsed(String path, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static Object enumConstant(Class<?> type, String name, String path) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(path + ": " + name + " is not a constant of " + type.getName());
  }

  /** An identifier made by its type's validating factory {@code of(String)}. */
  private static Object identifier(Class<?> type, String value, String path) {
    try {
      return type.getMethod("of", String.class).invoke(null, value);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(path + ": " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " has no public static of(String)", e);
    }
  }

  // --- types and JSON shapes -------------------------------------------------------------------

  private static Shape shape(Class<?> type, String path) {
    return SHAPES.get(type).orElseThrow(() -> new IllegalArgumentException(
        path + ": the codec cannot write or read a " + type.getName()));
  }

  private static Class<?> raw(Type type, String path) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException(path + ": the codec cannot write or read a " + type.getTypeName());
  }

  /** The one type argument of {@code Optional<T>}, {@code List<T>} or {@code Set<T>}; {@code T} for {@code ? extends T}. */
  private static Type argument(Type type, String path) {
    if (!(type instanceof ParameterizedType p)) {
      throw new IllegalArgumentException(path + ": " + type.getTypeName() + " without its type argument");
    }
    Type argument = p.getActualTypeArguments()[0];
    return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
  }

  private static void requireKeys(Map<String, @Nullable Object> object, List<String> keys, String path) {
    for (String key : keys) {
      if (!object.containsKey(key)) {
        throw new IllegalArgumentException(path + ": missing \"" + key + "\"");
      }
    }
    for (String key : object.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(path + ": unknown key \"" + key + "\"");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> object(@Nullable Object json, String path) {
    if (json instanceof Map<?, ?> map) {
      return (Map<String, @Nullable Object>) map;
    }
    throw new IllegalArgumentException(path + ": expected an object, found " + Json.write(json));
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> array(Object json, String path) {
    if (json instanceof List<?> list) {
      return (List<@Nullable Object>) list;
    }
    throw new IllegalArgumentException(path + ": expected an array, found " + Json.write(json));
  }

  private static String string(@Nullable Object json, String path) {
    if (json instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(path + ": expected a string, found " + Json.write(json));
  }

  private static BigDecimal integer(@Nullable Object json, String path) {
    if (json instanceof BigDecimal number && number.stripTrailingZeros().scale() <= 0) {
      return number;
    }
    throw new IllegalArgumentException(path + ": expected a whole number, found " + Json.write(json));
  }
}
