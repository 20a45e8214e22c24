package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.testing.TestDatabase;

/** The first administrator, created at the first start with a password from the environment or a file. */
public class FirstAdminTest extends AccountsTestCase {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path data;

    @Before
    public void dataFolder() {
        data = folder.getRoot().toPath().resolve("data");
    }

    private FirstAdmin firstAdmin(Map<String, String> environment) {
        return new FirstAdmin(jpa, HASHER, clock, audit, environment::get);
    }

    private Path passwordFile() {
        return data.resolve("qinglian").resolve("initial-admin-password");
    }

    @Test
    public void withoutTheEnvironmentVariableAGeneratedPasswordIsWrittenForTheOwnerOnly() throws Exception {
        assertTrue(firstAdmin(Map.of()).ensure(data));

        Path file = passwordFile();
        assertTrue(Files.isRegularFile(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertEquals(20, password.length());
        assertTrue(password, password.matches("[A-HJ-NP-Za-km-z2-9]{20}"));

        UserDto admin = users.byUsername("admin");
        assertEquals(Set.of("administrator"), admin.getRoles());
        assertNull(admin.getUnitId());
        assertTrue(admin.isMustChangePassword());
        assertEquals(List.of("user.create"), audit.actions());
        assertEquals("system", audit.inTransaction.get(0).getActor());
        assertFalse(audit.inTransaction.get(0).getDetail().contains(password));

        LoginResult login = accounts.login("admin", password, "127.0.0.1");
        assertTrue(login.ok());
        assertTrue(login.mustChangePassword());
        assertEquals(Set.of("*"), accounts.profile(login.userId()).permissions());
    }

    @Test
    public void eachFirstStartGeneratesAnotherPassword() throws Exception {
        assertTrue(firstAdmin(Map.of()).ensure(data));
        String first = Files.readString(passwordFile());
        TestDatabase.update("delete from pf_user_role");
        TestDatabase.update("delete from pf_user");
        assertTrue(firstAdmin(Map.of()).ensure(data));
        assertFalse(first.equals(Files.readString(passwordFile())));
    }

    @Test
    public void nothingHappensOnceAnAdminExists() throws Exception {
        assertTrue(firstAdmin(Map.of()).ensure(data));
        String written = Files.readString(passwordFile());
        assertFalse(firstAdmin(Map.of()).ensure(data));
        assertFalse(firstAdmin(Map.of(FirstAdmin.ENVIRONMENT_VARIABLE, "another password")).ensure(data));
        assertEquals(written, Files.readString(passwordFile()));
        assertEquals(1L, TestDatabase.value("select count(*) from pf_user"));
    }

    @Test
    public void anAdminCreatedByHandIsLeftAlone() {
        user("Admin", PASSWORD, null, "security-admin");
        assertFalse(firstAdmin(Map.of()).ensure(data));
        assertFalse(Files.exists(passwordFile()));
        assertEquals(Set.of("security-admin"), users.byUsername("admin").getRoles());
    }

    @Test
    public void thePasswordFromTheEnvironmentIsUsedAndNoFileWritten() {
        assertTrue(firstAdmin(Map.of(FirstAdmin.ENVIRONMENT_VARIABLE, "from the environment")).ensure(data));
        assertFalse(Files.exists(passwordFile()));
        LoginResult login = accounts.login("admin", "from the environment", "127.0.0.1");
        assertTrue(login.ok());
        assertTrue(login.mustChangePassword());
    }

    @Test
    public void aPasswordFromTheEnvironmentBreakingTheLengthRuleCreatesNothing() {
        assertFalse(firstAdmin(Map.of(FirstAdmin.ENVIRONMENT_VARIABLE, "short")).ensure(data));
        assertFalse(Files.exists(passwordFile()));
        assertEquals(0L, TestDatabase.value("select count(*) from pf_user"));
    }

    @Test
    public void anUnwritableDataFolderCreatesNothing() throws Exception {
        Files.writeString(folder.getRoot().toPath().resolve("file"), "not a folder");
        assertFalse(firstAdmin(Map.of()).ensure(folder.getRoot().toPath().resolve("file")));
        assertEquals(0L, TestDatabase.value("select count(*) from pf_user"));
    }
}
