package io.podometer.bench.git;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A repository's history generated into a bare clone through {@code git fast-import}: a first
 * commit with every file, then commits that each change a few files (lines inserted and deleted at
 * random places), by a few dozen people, an hour apart, some with an agent co-author trailer.
 */
final class GeneratedHistory {

  private static final long START_EPOCH = 1_735_722_000L; // 2025-01-01T09:00:00Z

  private final int commits;
  private final int filesPerCommit;
  private final int linesPerCommit;
  private final int files;
  private final Random random = new Random(42);

  GeneratedHistory(int commits, int filesPerCommit, int linesPerCommit) {
    this.commits = commits;
    this.filesPerCommit = filesPerCommit;
    this.linesPerCommit = linesPerCommit;
    this.files = Math.max(filesPerCommit * 4, Math.min(1_000, commits / 10));
  }

  /** Writes the history into a new bare repository at {@code dir}, branch {@code main}. */
  void writeTo(Path dir) throws IOException, InterruptedException {
    run(dir.getParent(), "git", "init", "-q", "--bare", "-b", "main", dir.toString());
    Process fastImport =
        new ProcessBuilder("git", "fast-import", "--quiet")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream out = new BufferedOutputStream(fastImport.getOutputStream(), 1 << 20)) {
      write(out);
    }
    if (fastImport.waitFor() != 0) {
      throw new IOException("git fast-import failed");
    }
    run(dir, "git", "gc", "-q");
  }

  private void write(OutputStream out) throws IOException {
    List<List<String>> content = new ArrayList<>(files);
    for (int f = 0; f < files; f++) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        lines.add(line(f, i));
      }
      content.add(lines);
    }
    int perFile = Math.max(1, linesPerCommit / filesPerCommit);
    int deleted = perFile / 5;
    int inserted = perFile - deleted;
    int counter = 0;
    for (int c = 1; c <= commits; c++) {
      String person = "dev" + random.nextInt(40);
      long when = START_EPOCH + c * 3600L;
      String message =
          "Change " + c + (c % 3 == 0 ? "\n\nCo-Authored-By: Claude <noreply@anthropic.com>" : "");
      StringBuilder header = new StringBuilder();
      header.append("commit refs/heads/main\n").append("mark :").append(c).append('\n');
      String ident = person + " <" + person + "@acme.example> " + when + " +0000\n";
      header.append("author ").append(ident).append("committer ").append(ident);
      byte[] msg = message.getBytes(StandardCharsets.UTF_8);
      header.append("data ").append(msg.length).append('\n');
      out.write(header.toString().getBytes(StandardCharsets.UTF_8));
      out.write(msg);
      out.write('\n');
      if (c > 1) {
        out.write(("from :" + (c - 1) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      List<Integer> changed = new ArrayList<>();
      if (c == 1) {
        for (int f = 0; f < files; f++) {
          changed.add(f);
        }
      } else {
        while (changed.size() < filesPerCommit) {
          int f = random.nextInt(files);
          if (!changed.contains(f)) {
            changed.add(f);
          }
        }
        for (int f : changed) {
          List<String> lines = content.get(f);
          for (int d = 0; d < deleted && lines.size() > 1; d++) {
            lines.remove(random.nextInt(lines.size()));
          }
          for (int i = 0; i < inserted; i++) {
            lines.add(random.nextInt(lines.size() + 1), line(f, 1_000_000 + counter++));
          }
        }
      }
      for (int f : changed) {
        byte[] data = (String.join("\n", content.get(f)) + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(
            ("M 100644 inline src/module"
                    + (f % 20)
                    + "/file"
                    + f
                    + ".java\ndata "
                    + data.length
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(data);
        out.write('\n');
      }
    }
  }

  private static String line(int file, int n) {
    return "    call(" + file + ", " + n + "); // step " + n;
  }

  static void run(Path in, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(in.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }
}
