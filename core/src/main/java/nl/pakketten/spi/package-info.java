/**
 * The service provider interface: what adapters and hosts plug into the SDK. Storage adapters
 * implement its ports; hosts may implement {@link nl.pakketten.spi.CommandObserver} for metrics.
 * Nothing here is needed to use the SDK through {@link nl.pakketten.Pakketten}.
 */
@NullMarked
package nl.pakketten.spi;

import org.jspecify.annotations.NullMarked;
