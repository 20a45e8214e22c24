package org.qinglian.platform.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the operator's console account at first start: user {@value #USER} of the Karaf
 * realm ({@code etc/users.properties}, group {@code admingroup}) with a random password, stored
 * there only as a SHA-256 digest and written in clear to {@code data/qinglian/console-password}
 * (mode 600) for the operator. There is no fixed default password.
 */
@Component(immediate = true)
public class ConsoleAccount {

    static final String USER = "qinglian";
    static final String PASSWORD_FILE = "console-password";
    /** Karaf's administrators' group; its definition is commented out in the shipped file. */
    static final String GROUP = "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAccount.class);

    @Activate
    void activate() throws IOException {
        ensure(Paths.get(System.getProperty("karaf.etc"), "users.properties"),
                Paths.get(System.getProperty("karaf.data"), "qinglian", PASSWORD_FILE));
    }

    static boolean ensure(Path users, Path passwordFile) throws IOException {
        List<String> lines = Files.exists(users) ? Files.readAllLines(users, StandardCharsets.ISO_8859_1) : List.of();
        boolean groupDefined = false;
        for (String line : lines) {
            String l = line.trim();
            if (l.startsWith(USER + " ") || l.startsWith(USER + "=")) {
                return false;
            }
            groupDefined |= l.startsWith("_g_\\:admingroup");
        }
        String password = newPassword();
        Files.createDirectories(passwordFile.getParent());
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password + System.lineSeparator(), StandardCharsets.UTF_8);
        String entry = System.lineSeparator() + "# operator account created at first start; password in data/qinglian/"
                + PASSWORD_FILE + System.lineSeparator() + USER + " = {CRYPT}" + digest(password) + "{CRYPT},_g_:admingroup"
                + System.lineSeparator() + (groupDefined ? "" : GROUP + System.lineSeparator());
        Files.writeString(users, entry, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LOG.info("Created console user '{}'; its password is in {}", USER, passwordFile);
        return true;
    }

    static String newPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The digest Karaf's basic encryption (SHA-256, hexadecimal) compares against. */
    static String digest(String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
