package io.interservice.lab.functional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put the services, and where tests keep their logs. */
final class Lab {
  private Lab() {}

  static Path home() {
    return Path.of(System.getProperty("interservice.home", "..")).toAbsolutePath().normalize();
  }

  static Path runs() {
    try {
      return Files.createDirectories(home().resolve("lab/target/test-runs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
