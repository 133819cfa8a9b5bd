package nl.pakketten.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import nl.pakketten.Pakketten;
import org.junit.jupiter.api.Test;

/**
 * The core's module descriptor: it exports the API's rooms, the entry point, the SPI and the
 * in-memory storage, and nothing under {@code nl.pakketten.internal}; it passes on to hosts what
 * its API's signatures name (money, nullness, constraint annotations).
 */
class ModuleDescriptorTest {
  private static ModuleDescriptor core() throws IOException {
    // The core's own classes, wherever the build put them (a folder, or the jar).
    Path where;
    try {
      where = Path.of(Pakketten.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return ModuleFinder.of(where).find("nl.pakketten.core")
        .orElseThrow(() -> new AssertionError("no module nl.pakketten.core in " + where)).descriptor();
  }

  @Test
  void theCoreExportsItsApiAndNoInternals() throws IOException {
    ModuleDescriptor core = core();

    assertThat(core.name()).isEqualTo("nl.pakketten.core");
    Set<String> exported = core.exports().stream().filter(e -> !e.isQualified()).map(Exports::source)
        .collect(Collectors.toSet());
    assertThat(exported).containsExactlyInAnyOrder("nl.pakketten", "nl.pakketten.access",
        "nl.pakketten.appointments", "nl.pakketten.catalog", "nl.pakketten.common", "nl.pakketten.granting",
        "nl.pakketten.inmemory", "nl.pakketten.invoicing", "nl.pakketten.outbox", "nl.pakketten.revenue",
        "nl.pakketten.sale", "nl.pakketten.spi", "nl.pakketten.storage", "nl.pakketten.wallet");
    assertThat(core.packages()).contains("nl.pakketten.internal", "nl.pakketten.internal.usecase",
        "nl.pakketten.internal.style");
    assertThat(core.exports()).noneMatch(e -> e.source().startsWith("nl.pakketten.internal"));
    assertThat(core.opens()).allMatch(o -> o.targets().equals(Set.of("org.hibernate.validator")));
  }

  @Test
  void theCorePassesOnWhatItsSignaturesName() throws IOException {
    Set<String> transitive = core().requires().stream()
        .filter(r -> r.modifiers().contains(Requires.Modifier.TRANSITIVE)).map(Requires::name)
        .collect(Collectors.toSet());

    assertThat(transitive).containsExactlyInAnyOrder("org.joda.money", "org.jspecify", "jakarta.validation");
  }
}
