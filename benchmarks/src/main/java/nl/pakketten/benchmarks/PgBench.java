package nl.pakketten.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real pgbench binary, when it is on the PATH, run against the same server for reference. */
final class PgBench {
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  static Optional<String> executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir, "pgbench");
      if (f.canExecute()) {
        return Optional.of(f.getAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** Initializes at {@code scale} and runs tpcb-like with {@code clients}; empty when it fails. */
  static Optional<Double> tpcb(String exe, int port, String database, int scale, int clients, int seconds) {
    try {
      run(List.of(exe, "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-i", "-q", "-s",
          String.valueOf(scale), database), 600);
      String out = run(List.of(exe, "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-n", "-M",
          "prepared", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T",
          String.valueOf(seconds), database), seconds + 120);
      Matcher m = TPS.matcher(out);
      return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    } catch (Exception e) {
      System.err.println("pgbench failed: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String run(List<String> command, int timeoutSeconds) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
      }
    }
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("exit " + p.exitValue() + ": " + out);
    }
    return out.toString();
  }

  private PgBench() {}
}
