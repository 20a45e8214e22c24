package org.qinglian.platform.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key the audit chain is sealed with: base64 in a file outside the database, readable by
 * the owner only. Created with 32 random bytes when missing; never logged, never stored in the
 * database.
 */
final class AuditKey {

    static final int MIN_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private AuditKey() {
    }

    /** The key in the file, created first if the file does not exist. */
    static byte[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                create(file);
                LOG.info("Created the audit key {}. Keep a copy in a safe place: without it the audit trail"
                        + " cannot be verified. Every node of a cluster needs this same file.", file);
            } catch (FileAlreadyExistsException e) {
                LOG.debug("Audit key {} was created meanwhile", file);
            }
        }
        return load(file);
    }

    static byte[] load(Path file) throws IOException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            throw new IOException("The audit key " + file + " is not base64");
        }
        if (key.length < MIN_BYTES) {
            throw new IOException("The audit key " + file + " holds " + key.length + " bytes; at least " + MIN_BYTES
                    + " are needed");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null && posix.readAttributes().permissions().stream().anyMatch(OTHERS::contains)) {
            LOG.warn("The audit key {} can be read by others than its owner; make it mode 600", file);
        }
        return key;
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = ownerOnly(dir, file.getFileName().toString());
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + System.lineSeparator(),
                    StandardCharsets.US_ASCII);
            // no REPLACE_EXISTING: a key that exists is never overwritten
            Files.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A new empty file beside the target, mode 600 where the file system knows modes. */
    static Path ownerOnly(Path dir, String name) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return Files.createTempFile(dir, "." + name, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, "." + name, ".tmp");
    }
}
