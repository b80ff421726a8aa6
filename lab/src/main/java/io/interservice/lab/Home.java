package io.interservice.lab;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The repository the launcher runs from, and the run directories under it. */
final class Home {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private Home() {}

  /** The repository root ({@code -Dinterservice.home}, set by the launcher). */
  static Path path() {
    return Path.of(System.getProperty("interservice.home", ".")).toAbsolutePath().normalize();
  }

  /** {@code runs/<timestamp><suffix>} under the repository root. */
  static Path newRun(String suffix) {
    return path().resolve("runs").resolve(LocalDateTime.now().format(STAMP) + suffix);
  }
}
