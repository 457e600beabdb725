package io.podometer.web.security;

import io.podometer.web.config.PodometerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * First start: the local user {@code admin} (password from PODOMETER_ADMIN_PASSWORD, or random and
 * written once to {@code admin-password}, mode 0600) and an API token for the command line in
 * {@code cli-token} (mode 0600). Files are announced by path; secrets are never printed.
 */
@ApplicationScoped
public class AccessBootstrap {

  private static final Logger LOG = Logger.getLogger(AccessBootstrap.class);
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD_FILE = "admin-password";
  static final String CLI_TOKEN_FILE = "cli-token";

  @Inject PodometerConfig config;
  @Inject LocalUsers users;
  @Inject ApiTokens tokens;

  public void run() {
    Path data = Path.of(config.data());
    if (users.count() == 0) {
      String given = config.auth().adminPassword().filter(p -> !p.isEmpty()).orElse(null);
      if (given != null && given.length() < LocalUsers.MIN_PASSWORD) {
        throw new io.podometer.web.config.ConfigurationError(
            "PODOMETER_ADMIN_PASSWORD: at least "
                + LocalUsers.MIN_PASSWORD
                + " characters (or leave it unset: a password is generated)");
      }
      String password =
          users.create(ADMIN, null, Set.copyOf(Roles.BOOTSTRAP_ADMIN), given, "bootstrap");
      if (given == null) {
        Path file = data.resolve(ADMIN_PASSWORD_FILE);
        writePrivate(file, password);
        LOG.infof(
            "created the local user 'admin'; its initial password is in %s (readable by you only)",
            file.toAbsolutePath());
      } else {
        LOG.info("created the local user 'admin' with the password of PODOMETER_ADMIN_PASSWORD");
      }
    }
    Path cli = data.resolve(CLI_TOKEN_FILE);
    if (Files.exists(cli)) {
      if (!cliTokenWorks(cli)) {
        LOG.warnf(
            "the API token in %s is unknown or revoked; delete the file and restart for a new one",
            cli.toAbsolutePath());
      }
    } else {
      ApiTokens.Created created =
          tokens.create(
              "command line (" + cli.toAbsolutePath() + ")",
              new LinkedHashSet<>(List.of("ingest", "read")),
              "bootstrap");
      writePrivate(cli, created.token());
      LOG.infof(
          "API token for the command line (ingest, read) written to %s", cli.toAbsolutePath());
    }
  }

  private boolean cliTokenWorks(Path file) {
    try {
      return Files.isRegularFile(file)
          && tokens
              .use(Files.readString(file, StandardCharsets.UTF_8).strip(), "start")
              .isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes a secret to a file only its owner can read, created with those permissions. */
  static void writePrivate(Path file, String secret) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
