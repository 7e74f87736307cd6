package dev.hindsight.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * When each incident file was first committed and last changed, and its revisions, read with
 * JGit in one walk over the history (each commit diffed against its first parent, limited to the
 * input folder), so the cost follows the number of commits, not commits times files. Without a
 * git repository there is simply no history.
 */
public final class GitHistory {
  /** One commit that touched a file. */
  public record Revision(String commit, Instant when, String author, String message) {}

  private final Map<String, List<Revision>> byPath;

  private GitHistory(Map<String, List<Revision>> byPath) {
    this.byPath = byPath;
  }

  public static GitHistory none() {
    return new GitHistory(Map.of());
  }

  /** The revisions of a file, given relative to the input folder; newest first. */
  public List<Revision> of(String relativePath) {
    return byPath.getOrDefault(relativePath, List.of());
  }

  /** The history of the files below {@code input}, or none when it is not inside a git work tree. */
  public static GitHistory read(Path input) {
    Path dir = input.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) return none();
    try (Repository repo = builder.build()) {
      ObjectId head = repo.resolve("HEAD");
      if (head == null || repo.getWorkTree() == null) return none();
      Path workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
      if (!dir.startsWith(workTree)) return none();
      String prefix = workTree.relativize(dir).toString().replace('\\', '/');
      return new GitHistory(walk(repo, head, prefix));
    } catch (IOException | RuntimeException e) {
      return none();
    }
  }

  private static Map<String, List<Revision>> walk(Repository repo, ObjectId head, String prefix) throws IOException {
    Map<String, List<Revision>> out = new HashMap<>();
    String base = prefix.isEmpty() ? "" : prefix + "/";
    try (RevWalk walk = new RevWalk(repo); DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repo);
      diff.setDetectRenames(true);
      if (!prefix.isEmpty()) diff.setPathFilter(PathFilter.create(prefix));
      walk.sort(RevSort.COMMIT_TIME_DESC);
      walk.markStart(walk.parseCommit(head));
      for (RevCommit commit : walk) {
        Revision rev = new Revision(commit.abbreviate(8).name(), Instant.ofEpochSecond(commit.getCommitTime()),
            commit.getAuthorIdent().getName(), commit.getShortMessage());
        List<String> paths = new ArrayList<>();
        if (commit.getParentCount() > 0) {
          RevCommit parent = walk.parseCommit(commit.getParent(0).getId());
          for (DiffEntry e : diff.scan(parent.getTree(), commit.getTree())) {
            String path = e.getChangeType() == DiffEntry.ChangeType.DELETE ? null : e.getNewPath();
            if (path != null) paths.add(path);
          }
        } else {
          try (TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (!prefix.isEmpty()) tree.setFilter(PathFilter.create(prefix));
            while (tree.next()) paths.add(tree.getPathString());
          }
        }
        for (String path : paths) {
          if (!path.startsWith(base)) continue;
          out.computeIfAbsent(path.substring(base.length()), k -> new ArrayList<>()).add(rev);
        }
      }
    }
    return out;
  }

}
