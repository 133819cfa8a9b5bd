package nl.pakketten.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart story as a host on the module path: the example's sources are compiled as a named
 * module that only {@code requires nl.pakketten.jdbc} and {@code nl.pakketten.mail} (and the pool
 * and Flyway its own code names),
 * against the runtime class path put on the module path, and run with {@code java -m} in a fresh
 * JVM, without {@code --add-modules}. It fails when a Pakketten module does not export what a host
 * needs, does not require what it uses (the {@code NoClassDefFoundError} of an unnamed jar), or
 * does not open its migrations to Flyway.
 */
class ModulePathQuickstartTest {
  @TempDir
  Path work;

  @Test
  void theQuickstartRunsAsANamedModule() throws Exception {
    List<String> modulePath = runtimeClassPath();
    Path sources = work.resolve("src/pakketten.quickstart");
    Path classes = work.resolve("classes/pakketten.quickstart");
    Path packageDir = sources.resolve("nl/pakketten/examples");
    Files.createDirectories(packageDir);
    Files.createDirectories(classes);
    try (InputStream in = getClass().getResourceAsStream("/module-path-host/module-info.java")) {
      Files.write(sources.resolve("module-info.java"), in.readAllBytes());
    }
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--module-path",
        String.join(File.pathSeparator, modulePath), "-Xlint:-module", "-proc:none"));
    args.add(sources.resolve("module-info.java").toString());
    try (Stream<Path> files = Files.list(Path.of("src/main/java/nl/pakketten/examples"))) {
      for (Path source : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        Path copy = packageDir.resolve(source.getFileName().toString());
        Files.copy(source, copy);
        args.add(copy.toString());
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
        .as("the quickstart compiles as a named module against the Pakketten modules").isZero();

    List<String> modules = new ArrayList<>(modulePath);
    modules.add(0, classes.toString());
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.jboss.logging.provider=slf4j",
        "--module-path", String.join(File.pathSeparator, modules),
        "-m", "pakketten.quickstart/nl.pakketten.examples.Quickstart")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(java.waitFor(3, TimeUnit.MINUTES)).as("the quickstart ends").isTrue();
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(java.exitValue()).as("exit code; stderr:%n%s", stderr).isZero();
    assertThat(stderr).doesNotContain("Exception", "NoClassDefFoundError");
    // The key lines .ci/run checks on the class path, here on the module path.
    assertThat(stdout)
        .containsPattern("(?m)^  fysio-rittenkaart +Fysiotherapie rittenkaart +EUR 38\\.50 per credit")
        .containsPattern("(?m)^  Issued +invoice DL2026-0001, dated 2026-03-02")
        .containsPattern("(?m)^  Delivered +mail written to .*quickstart-mail.*DL2026-0001.*\\.eml$")
        .containsPattern("(?m)^  Paid +EUR 385\\.00 on 2026-03-02 .*: invoice DL2026-0001 PAID$")
        .containsPattern("(?m)^  Granted +10 credits in lot L1")
        .containsPattern("(?m)^  A-1001 +sanne +fysio-30 .* Covered +1 ")
        .containsPattern("(?m)^Sanne's balance: 8 credits\\.")
        .containsPattern("(?m)^  8010 +EUR 173\\.50$")
        .containsPattern("(?m)^  GivenBack +2 credits back to")
        .containsPattern("(?m)^Sanne's balance: 10 credits\\.");
  }

  /** The example's runtime class path as Maven resolved it (written by maven-dependency-plugin). */
  private static List<String> runtimeClassPath() throws IOException {
    String path = Files.readString(Path.of("target/runtime-classpath.txt")).strip();
    List<String> entries = new ArrayList<>(List.of(path.split(File.pathSeparator)));
    assertThat(entries).as("the runtime class path names the Pakketten modules")
        .anyMatch(e -> e.contains("core")).anyMatch(e -> e.contains("jdbc-adapter")).anyMatch(e -> e.contains("mail"));
    return entries;
  }
}
