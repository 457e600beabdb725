package io.podometer.web.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The data directory holds personal data and the digests of passwords and tokens: only the user
 * running Podometer may read it (0700), and the files in it (the database, its trace, secrets) are
 * theirs alone (0600), whatever the umask they were created with.
 */
public final class DataDirectory {

  private DataDirectory() {}

  /** The database, its trace and lock files, the secrets written at the first start. */
  private static boolean isPodometers(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("podometer.")
        || name.equals("admin-password")
        || name.equals("cli-token");
  }

  /** Restricts the directory and the files directly in it; nothing to do off POSIX systems. */
  public static void restrict(Path directory) {
    if (!Files.isDirectory(directory)
        || Files.getFileAttributeView(directory, PosixFileAttributeView.class) == null) {
      return;
    }
    try {
      if (Files.getPosixFilePermissions(directory)
          .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
        // a shared place (/tmp): not ours to close; the files in it still are
        org.jboss.logging.Logger.getLogger(DataDirectory.class)
            .warnf(
                "the data directory %s is writable by everyone: use a directory of your own",
                directory.toAbsolutePath());
      } else {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      }
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
              && Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(directory))
              && isPodometers(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict the data directory " + directory, e);
    }
  }
}
