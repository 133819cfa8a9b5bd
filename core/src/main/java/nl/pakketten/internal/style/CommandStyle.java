package nl.pakketten.internal.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of commands: like {@link DomainStyle}, but a builder does not refuse missing
 * attributes itself, so that Jakarta Validation can report every missing or bad field at once.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    init = "*",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    // No @org.immutables.value.Generated on generated classes: hosts compile against the core
    // without Immutables on their classpath, and javac would warn about the missing annotation.
    allowedClasspathAnnotations = {Override.class},
    optionalAcceptNullable = true,
    validationMethod = Value.Style.ValidationMethod.NONE)
public @interface CommandStyle {}
