package org.qinglian.platform.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The newest sealed entry, exported outside the database after every seal: a small text file
 * <pre>
 * # Qinglian audit head: the newest sealed audit entry. ...
 * seq=42
 * hash=3f0c…(64 hex digits)
 * </pre>
 * replaced atomically (written beside it, flushed, then moved over it).
 */
record AuditHead(long seq, String hash) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** The head in the file; empty if there is no file yet. */
    static Optional<AuditHead> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Long seq = null;
        String hash = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.trim();
            if (l.startsWith("seq=")) {
                try {
                    seq = Long.valueOf(l.substring(4).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("The audit head " + file + " has a malformed seq");
                }
            } else if (l.startsWith("hash=")) {
                hash = l.substring(5).trim();
            }
        }
        if (seq == null || seq < 1 || hash == null || !HASH.matcher(hash).matches()) {
            throw new IOException("The audit head " + file + " is malformed: it needs seq=<n> and hash=<64 hex digits>");
        }
        return Optional.of(new AuditHead(seq, hash));
    }

    void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String text = "# Qinglian audit head: the newest sealed audit entry, written after every seal."
                + " Verification compares the database with it.\nseq=" + seq + "\nhash=" + hash + "\n";
        Path temp = AuditKey.ownerOnly(dir, file.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
