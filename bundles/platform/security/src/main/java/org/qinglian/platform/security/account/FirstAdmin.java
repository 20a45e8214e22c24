package org.qinglian.platform.security.account;

import org.qinglian.platform.api.persistence.Transactions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.audit.AuditLog;
import org.qinglian.platform.security.account.entity.RoleEntity;
import org.qinglian.platform.security.account.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator at the first start: the user {@value #USERNAME} with the role
 * {@value #ROLE}, no unit, to change the password at first login. The password comes from the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, or is generated and written to
 * {@code ${karaf.data}/qinglian/initial-admin-password}, readable by the owner only. The
 * password is never logged. Nothing happens once a user of that name exists.
 */
@Component(immediate = true)
public class FirstAdmin {

    static final String USERNAME = "admin";
    static final String ROLE = "administrator";
    static final String ENVIRONMENT_VARIABLE = "QINGLIAN_ADMIN_PASSWORD";
    static final String PASSWORD_FILE = "qinglian/initial-admin-password";
    static final int GENERATED_LENGTH = 20;
    // no look-alikes (0/O, 1/l/I): the password is read from a file and typed
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    @Reference(target = "(osgi.unit.name=qinglian-security)")
    private JpaTemplate jpa;

    @Reference
    private PasswordHasher hasher;

    @Reference
    private PlatformClock clock;

    @Reference
    private AuditLog audit;

    private UnaryOperator<String> environment = System::getenv;

    public FirstAdmin() {
    }

    /** For tests: a component over given collaborators and environment. */
    public FirstAdmin(JpaTemplate jpa, PasswordHasher hasher, PlatformClock clock, AuditLog audit,
            UnaryOperator<String> environment) {
        this.jpa = jpa;
        this.hasher = hasher;
        this.clock = clock;
        this.audit = audit;
        this.environment = environment;
    }

    @Activate
    void activate(BundleContext context) {
        String data = context.getProperty("karaf.data");
        ensure(Paths.get(data == null ? "data" : data));
    }

    /**
     * Creates the first administrator unless a user of that name exists.
     *
     * @param dataFolder Karaf's data folder, where a generated password is written
     * @return whether the administrator was created now
     */
    public boolean ensure(Path dataFolder) {
        if (exists()) {
            return false;
        }
        String given = environment.apply(ENVIRONMENT_VARIABLE);
        boolean generated = given == null || given.isEmpty();
        if (!generated && !PasswordHasher.hasValidLength(given)) {
            LOG.error("Qinglian cannot create the first administrator: {} must be {} to {} characters long."
                    + " Set a valid password, or unset it to have one generated, and restart.",
                    ENVIRONMENT_VARIABLE, PasswordHasher.MIN_LENGTH, PasswordHasher.MAX_LENGTH);
            return false;
        }
        String password = generated ? Secrets.randomChars(GENERATED_LENGTH, ALPHABET) : given;
        String hash = hasher.hash(password);
        Path file = dataFolder.resolve(PASSWORD_FILE);
        if (generated) {
            try {
                writeOwnerOnly(file, password);
            } catch (IOException e) {
                LOG.error("Qinglian cannot write the first administrator's password to {} ({}); the administrator"
                        + " is not created. Make the folder writable, or set {}, and restart.", file, e.getMessage(),
                        ENVIRONMENT_VARIABLE);
                return false;
            }
        }
        boolean created;
        try {
            created = create(hash);
        } catch (RuntimeException e) {
            created = false;
            LOG.info("The first administrator was not created here ({}); another node may have created it",
                    e.getMessage());
        }
        if (!created && generated) {
            deleteQuietly(file);
        }
        if (created) {
            if (generated) {
                LOG.warn("Qinglian created the administrator '{}' with a generated password, written to {}"
                        + " (readable by this account only). Sign in, change it, and delete the file.", USERNAME, file);
            } else {
                LOG.warn("Qinglian created the administrator '{}' with the password from {}; it must be changed"
                        + " at first sign-in.", USERNAME, ENVIRONMENT_VARIABLE);
            }
        }
        return created;
    }

    private boolean exists() {
        return Transactions.inTransaction(jpa, em -> em.createQuery("select count(u) from UserEntity u where lower(u.username) = :name",
                Long.class).setParameter("name", USERNAME).getSingleResult() > 0);
    }

    private boolean create(String hash) {
        Instant now = clock.now();
        return Transactions.inTransaction(jpa, em -> {
            if (em.createQuery("select count(u) from UserEntity u where lower(u.username) = :name", Long.class)
                    .setParameter("name", USERNAME).getSingleResult() > 0) {
                return false;
            }
            List<RoleEntity> roles = Accounts.rolesByCode(em, List.of(ROLE));
            if (roles.isEmpty()) {
                throw new IllegalStateException("the built-in role " + ROLE + " is missing");
            }
            UserEntity admin = new UserEntity();
            admin.setUsername(USERNAME);
            admin.setPassword(hasher.algorithm(), hash);
            admin.setMustChangePassword(true);
            admin.getRoles().addAll(roles);
            admin.created(now);
            em.persist(admin);
            em.flush();
            audit.record(em, AuditEvent.of("user.create", Accounts.USER, admin.getPublicId()).actor("system")
                    .detail("username=" + USERNAME + " roles=" + ROLE + " (first administrator)"));
            return true;
        });
    }

    /** Writes the text to a new file that only its owner may read and write (mode 600 where POSIX). */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            java.io.File f = file.toFile();
            if (!(f.setReadable(false, false) && f.setReadable(true, true) && f.setWritable(false, false)
                    && f.setWritable(true, true))) {
                LOG.warn("Cannot restrict access to {} on this file system; protect it by hand", file);
            }
        }
        Files.write(file, (text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }
}
