package org.qinglian.platform.security.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password hashing with Argon2id (BouncyCastle): t=1, m=46 MiB, p=1, a 16-byte random salt and
 * a 32-byte hash, stored as a PHC string {@code $argon2id$v=19$m=47104,t=1,p=1$<salt>$<hash>}
 * beside the algorithm id {@value #ARGON2ID}, so that the scheme can change per user later.
 * Verification reads the parameters from the stored string. Passwords are NFKC-normalised
 * (full-width letters typed through an IME equal their ASCII forms) and hashed as UTF-8. At
 * most {@code hashConcurrency} computations run at once, so a burst of logins cannot exhaust
 * memory; the others wait.
 */
@Component(service = PasswordHasher.class, configurationPid = SecurityConfig.PID)
public class PasswordHasher {

    /** The algorithm id stored beside each hash. */
    public static final String ARGON2ID = "argon2id";
    /** The shortest password accepted, in characters (code points). */
    public static final int MIN_LENGTH = 8;
    /** The longest password accepted, in characters (code points). */
    public static final int MAX_LENGTH = 128;

    static final int MEMORY_KIB = 47104;
    static final int ITERATIONS = 1;
    static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    // bounds on what a stored string may ask for, so a tampered row cannot exhaust the node
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 16;
    private static final long WAIT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    private static final byte[] DUMMY_SALT = new byte[SALT_BYTES];

    private final int memoryKiB;
    private final int iterations;
    private volatile Semaphore permits;

    public PasswordHasher() {
        this(2, MEMORY_KIB, ITERATIONS);
    }

    /** For tests: a hasher allowing {@code concurrency} computations at once. */
    public PasswordHasher(int concurrency) {
        this(concurrency, MEMORY_KIB, ITERATIONS);
    }

    /** For tests: a hasher producing hashes of other cost parameters. */
    PasswordHasher(int concurrency, int memoryKiB, int iterations) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.permits = new Semaphore(Math.max(1, concurrency), true);
    }

    @Activate
    @Modified
    void configure(SecurityConfig config) {
        permits = new Semaphore(Math.max(1, config.hashConcurrency()), true);
    }

    /**
     * Refuses a password shorter than {@value #MIN_LENGTH} or longer than {@value #MAX_LENGTH}
     * characters.
     *
     * @param field the request field the password came in, named by the violation
     */
    public static void checkLength(String field, String password) {
        if (!hasValidLength(password)) {
            throw new ValidationException(field, "validation.passwordLength", MIN_LENGTH, MAX_LENGTH);
        }
    }

    static boolean hasValidLength(String password) {
        if (password == null) {
            return false;
        }
        int length = password.codePointCount(0, password.length());
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }

    /** The gate bounding concurrent computations (tests hold its permits). */
    Semaphore gate() {
        return permits;
    }

    /** The algorithm id of the hashes this hasher produces. */
    public String algorithm() {
        return ARGON2ID;
    }

    /** A new PHC string for the password, with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        Secrets.nextBytes(salt);
        byte[] hash = compute(password, salt, memoryKiB, iterations, PARALLELISM, HASH_BYTES);
        return prefix(memoryKiB, iterations, PARALLELISM) + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether the password matches a stored hash of the given algorithm. An unknown algorithm or
     * a malformed string answers false (and is logged, without the hash).
     */
    public boolean verify(String password, String algorithm, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        if (!ARGON2ID.equals(algorithm)) {
            LOG.warn("A stored password uses the unsupported algorithm '{}'; it cannot be verified", algorithm);
            return false;
        }
        Phc phc = Phc.parse(stored);
        if (phc == null) {
            LOG.warn("A stored Argon2id password hash is malformed; it cannot be verified");
            return false;
        }
        byte[] actual = compute(password, phc.salt, phc.memoryKiB, phc.iterations, phc.parallelism, phc.hash.length);
        return MessageDigest.isEqual(actual, phc.hash);
    }

    /** Spends the time of a verification without any stored hash: for unknown user names. */
    public void verifyDummy(String password) {
        compute(password == null ? "" : password, DUMMY_SALT, memoryKiB, iterations, PARALLELISM, HASH_BYTES);
    }

    /** Whether a stored hash was made with other parameters than this hasher's (and so should be replaced). */
    public boolean needsRehash(String algorithm, String stored) {
        return !ARGON2ID.equals(algorithm) || stored == null
                || !stored.startsWith(prefix(memoryKiB, iterations, PARALLELISM));
    }

    private static String prefix(int m, int t, int p) {
        return "$argon2id$v=19$m=" + m + ",t=" + t + ",p=" + p + "$";
    }

    private byte[] compute(String password, byte[] salt, int m, int t, int p, int length) {
        Semaphore gate = permits;
        try {
            if (!gate.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ProblemException(503, "unavailable", "problem.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "unavailable", "problem.busy");
        }
        byte[] secret = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(m)
                    .withIterations(t)
                    .withParallelism(p)
                    .withSalt(salt)
                    .build());
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
            gate.release();
        }
    }

    /** The parts of a stored {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} string. */
    private static final class Phc {
        final int memoryKiB;
        final int iterations;
        final int parallelism;
        final byte[] salt;
        final byte[] hash;

        private Phc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
            this.memoryKiB = memoryKiB;
            this.iterations = iterations;
            this.parallelism = parallelism;
            this.salt = salt;
            this.hash = hash;
        }

        static Phc parse(String stored) {
            String[] parts = stored.split("\\$", -1);
            if (parts.length != 6 || !parts[0].isEmpty() || !ARGON2ID.equals(parts[1]) || !"v=19".equals(parts[2])) {
                return null;
            }
            int m = -1;
            int t = -1;
            int p = -1;
            List<String> params = List.of(parts[3].split(","));
            if (params.size() != 3) {
                return null;
            }
            try {
                for (String param : params) {
                    int eq = param.indexOf('=');
                    if (eq < 0) {
                        return null;
                    }
                    int value = Integer.parseInt(param.substring(eq + 1));
                    switch (param.substring(0, eq)) {
                        case "m": m = value; break;
                        case "t": t = value; break;
                        case "p": p = value; break;
                        default: return null;
                    }
                }
                byte[] salt = B64_DECODER.decode(parts[4]);
                byte[] hash = B64_DECODER.decode(parts[5]);
                if (p < 1 || p > MAX_PARALLELISM || t < 1 || t > MAX_ITERATIONS || m < 8 * p || m > MAX_MEMORY_KIB
                        || salt.length < 8 || hash.length < 16 || hash.length > 64) {
                    return null;
                }
                return new Phc(m, t, p, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
