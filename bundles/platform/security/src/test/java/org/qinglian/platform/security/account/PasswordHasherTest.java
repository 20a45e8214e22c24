package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.security.account.Problems.assertInvalid;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.Test;

/** Argon2id through BouncyCastle, stored as PHC strings. */
public class PasswordHasherTest {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private final PasswordHasher hasher = new PasswordHasher(2);

    @Test
    public void aHashVerifiesItsPasswordAndNoOther() {
        String stored = hasher.hash("correct horse 1");
        assertTrue(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, stored));
        assertFalse(hasher.verify("correct horse 2", PasswordHasher.ARGON2ID, stored));
        assertFalse(hasher.verify("Correct horse 1", PasswordHasher.ARGON2ID, stored));
        assertFalse(hasher.verify("", PasswordHasher.ARGON2ID, stored));
        assertFalse(hasher.verify(null, PasswordHasher.ARGON2ID, stored));
    }

    @Test
    public void theStoredStringIsAPhcStringWithTheParametersSaltAndHash() {
        String stored = hasher.hash("correct horse 1");
        Matcher m = PHC.matcher(stored);
        assertTrue(stored, m.matches());
        assertEquals("47104", m.group(1));
        assertEquals("1", m.group(2));
        assertEquals("1", m.group(3));
        assertEquals(16, Base64.getDecoder().decode(m.group(4)).length);
        assertEquals(32, Base64.getDecoder().decode(m.group(5)).length);
        assertFalse(stored.contains("correct horse"));
        assertEquals("argon2id", hasher.algorithm());
    }

    @Test
    public void theHashIsArgon2idOfThePasswordAndSaltAsTheReferenceComputesIt() {
        String stored = hasher.hash("correct horse 1");
        Matcher m = PHC.matcher(stored);
        assertTrue(m.matches());
        byte[] salt = Base64.getDecoder().decode(m.group(4));
        Argon2BytesGenerator reference = new Argon2BytesGenerator();
        reference.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(47104).withIterations(1).withParallelism(1).withSalt(salt).build());
        byte[] expected = new byte[32];
        reference.generateBytes("correct horse 1".getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);
        assertTrue(Arrays.equals(expected, Base64.getDecoder().decode(m.group(5))));
    }

    @Test
    public void eachHashHasItsOwnSalt() {
        String a = hasher.hash("correct horse 1");
        String b = hasher.hash("correct horse 1");
        assertNotEquals(a, b);
        assertTrue(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, a));
        assertTrue(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, b));
    }

    @Test
    public void verificationReadsTheParametersFromTheStoredString() {
        PasswordHasher older = new PasswordHasher(1, 8192, 2);
        String stored = older.hash("correct horse 1");
        assertTrue(stored, stored.startsWith("$argon2id$v=19$m=8192,t=2,p=1$"));
        // the default hasher (m=47104, t=1) still verifies it, with the stored parameters
        assertTrue(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, stored));
        assertFalse(hasher.verify("correct horse 2", PasswordHasher.ARGON2ID, stored));
        // with the stored parameters replaced by the current ones, the same salt and hash no longer match
        String relabelled = stored.replace("m=8192,t=2", "m=47104,t=1");
        assertFalse(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, relabelled));
        assertTrue(hasher.needsRehash(PasswordHasher.ARGON2ID, stored));
        assertFalse(hasher.needsRehash(PasswordHasher.ARGON2ID, hasher.hash("correct horse 1")));
    }

    @Test
    public void unknownAlgorithmsAndMalformedOrTamperedStringsNeverVerify() {
        String stored = hasher.hash("correct horse 1");
        assertFalse(hasher.verify("correct horse 1", "bcrypt", stored));
        assertFalse(hasher.verify("correct horse 1", null, stored));
        assertFalse(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, "$argon2id$v=19$m=47104,t=1,p=1$abc"));
        assertFalse(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, stored.replace("$argon2id$", "$argon2i$")));
        assertFalse(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, stored.replace("v=19", "v=16")));
        // a tampered row cannot make a node allocate 4 GiB
        assertFalse(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, stored.replace("m=47104", "m=4194304")));
        String[] parts = stored.split("\\$");
        byte[] hash = Base64.getDecoder().decode(parts[5]);
        hash[0] ^= 1;
        String tampered = stored.substring(0, stored.lastIndexOf('$') + 1)
                + Base64.getEncoder().withoutPadding().encodeToString(hash);
        assertFalse(hasher.verify("correct horse 1", PasswordHasher.ARGON2ID, tampered));
    }

    @Test
    public void passwordsAreNormalisedSoFullWidthLettersEqualTheirAsciiForms() {
        String stored = hasher.hash("Password1");
        assertTrue(hasher.verify("Ｐａｓｓｗｏｒｄ１", PasswordHasher.ARGON2ID, stored));
    }

    @Test
    public void passwordsAreEightTo128CharactersCountedInCodePoints() {
        assertInvalid(() -> PasswordHasher.checkLength("newPassword", "1234567"), "validation.passwordLength",
                "newPassword");
        assertInvalid(() -> PasswordHasher.checkLength("password", null), "validation.passwordLength", "password");
        assertInvalid(() -> PasswordHasher.checkLength("password", "x".repeat(129)), "validation.passwordLength",
                "password");
        PasswordHasher.checkLength("password", "12345678");
        PasswordHasher.checkLength("password", "x".repeat(128));
        // 8 characters outside the BMP are 16 chars of Java but 8 characters for people
        String emoji = "\uD83D\uDE00".repeat(8);
        assertEquals(16, emoji.length());
        PasswordHasher.checkLength("password", emoji);
        assertInvalid(() -> PasswordHasher.checkLength("password", "\uD83D\uDE00".repeat(129)),
                "validation.passwordLength", "password");
        assertInvalid(() -> PasswordHasher.checkLength("password", "\uD83D\uDE00".repeat(7)),
                "validation.passwordLength", "password");
    }

    @Test
    public void hashingTakesArgon2idTimeAndIsMeasured() {
        hasher.hash("warm up the JIT");
        int runs = 5;
        long[] hashNanos = new long[runs];
        long[] verifyNanos = new long[runs];
        String stored = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            stored = hasher.hash("correct horse " + i);
            hashNanos[i] = System.nanoTime() - start;
            start = System.nanoTime();
            assertTrue(hasher.verify("correct horse " + i, PasswordHasher.ARGON2ID, stored));
            verifyNanos[i] = System.nanoTime() - start;
        }
        long start = System.nanoTime();
        hasher.verifyDummy("unknown user's password");
        long dummy = System.nanoTime() - start;
        Arrays.sort(hashNanos);
        Arrays.sort(verifyNanos);
        double hashMs = hashNanos[runs / 2] / 1e6;
        double verifyMs = verifyNanos[runs / 2] / 1e6;
        System.out.printf("Argon2id m=47104 KiB t=1 p=1: hash median %.1f ms (min %.1f, max %.1f),"
                + " verify median %.1f ms, dummy verification %.1f ms%n", hashMs, hashNanos[0] / 1e6,
                hashNanos[runs - 1] / 1e6, verifyMs, dummy / 1e6);
        // 46 MiB of memory filled once cannot take less than a few milliseconds; an accidental
        // no-op or a tiny memory parameter would
        assertTrue("hashing took only " + hashMs + " ms", hashMs > 10);
        assertTrue("dummy verification took only " + dummy / 1e6 + " ms", dummy / 1e6 > 10);
    }

    @Test
    public void concurrentHashingIsBoundedByTheGate() throws Exception {
        PasswordHasher one = new PasswordHasher(1);
        Semaphore gate = one.gate();
        assertEquals(1, gate.availablePermits());
        assertTrue(gate.tryAcquire());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Thread[] worker = new Thread[1];
            CompletableFuture<String> hashing = CompletableFuture.supplyAsync(() -> {
                worker[0] = Thread.currentThread();
                return one.hash("correct horse 1");
            }, pool);
            // the computation waits for the permit held here
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> worker[0] != null
                    && worker[0].getState() == Thread.State.TIMED_WAITING && gate.hasQueuedThreads());
            assertFalse(hashing.isDone());
            gate.release();
            String stored = hashing.get(10, TimeUnit.SECONDS);
            assertTrue(one.verify("correct horse 1", PasswordHasher.ARGON2ID, stored));
            assertEquals(1, gate.availablePermits());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void configurationSetsTheConcurrency() {
        PasswordHasher configured = new PasswordHasher();
        configured.configure(new SecurityConfig() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return SecurityConfig.class; }
            @Override public int idleMinutes() { return 30; }
            @Override public int absoluteHours() { return 12; }
            @Override public int hashConcurrency() { return 5; }
            @Override public String[] trustedProxies() { return new String[0]; }
        });
        assertEquals(5, configured.gate().availablePermits());
    }
}
