package nl.pakketten.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.spi.properties.ConstrainableExecutable;
import org.hibernate.validator.spi.properties.GetterPropertySelectionStrategy;

/**
 * Tells Hibernate Validator that the SDK's accessors are named after their property ({@code
 * patient()}, not {@code patient()}): any public no-argument method that returns a value is a
 * property, except {@link Object}'s own. So a violation on {@code patient()} names the field
 * {@code patient}.
 */
final class PropertyNamedAccessors implements GetterPropertySelectionStrategy {
  private static final Set<String> NOT_PROPERTIES = Set.of("toString", "hashCode", "getClass", "clone",
      "builder", "check", "normalize");

  @Override
  public Optional<String> getProperty(ConstrainableExecutable executable) {
    if (executable.getParameterTypes().length != 0
        || executable.getReturnType() == void.class
        || NOT_PROPERTIES.contains(executable.getName())) {
      return Optional.empty();
    }
    return Optional.of(executable.getName());
  }

  @Override
  public List<String> getGetterMethodNameCandidates(String propertyName) {
    return List.of(propertyName);
  }
}
