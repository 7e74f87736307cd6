package dev.hindsight.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock in the cache folder beside the output ({@code .hindsight-cache/<name>.lock}) so that two builds never
 * write the same site at once; released when the build ends, even if it is killed.
 */
final class BuildLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private BuildLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or null when another build holds it. */
  static BuildLock acquire(Path output) throws IOException {
    Path abs = output.toAbsolutePath().normalize();
    Path dir = Files.createDirectories(abs.getParent().resolve(".hindsight-cache"));
    FileChannel channel = FileChannel.open(dir.resolve(abs.getFileName() + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return null;
      }
      return new BuildLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      channel.close();
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
