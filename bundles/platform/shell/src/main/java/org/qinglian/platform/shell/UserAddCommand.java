package org.qinglian.platform.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.security.UserDto;
import org.qinglian.platform.api.security.UserService;

/** {@code qinglian:user-add}: creates a user account; the user must change the password at first login. */
@Service
@Command(scope = "qinglian", name = "user-add", description = "Creates a user account")
public class UserAddCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private UserService users;

    @Reference
    private Messages messages;

    @Argument(index = 0, name = "username", required = true, description = "Login name: letters, digits, . _ -")
    private String username;

    @Argument(index = 1, name = "displayName", description = "The name shown in the portal")
    private String displayName;

    @Option(name = "-u", aliases = "--unit", description = "Id of the user's unit")
    private String unit;

    @Option(name = "-r", aliases = "--role", multiValued = true, description = "Role code, e.g. unit-admin (repeatable)")
    private List<String> roles;

    @Option(name = "-p", aliases = "--password", required = true, description = "Initial password (8 to 128 characters)")
    private String password;

    /** The console of the session running the command. */
    private PrintStream console() {
        return session.getConsole();
    }

    @Override
    public Object execute() {
        UserDto user = new UserDto();
        user.setUsername(username);
        user.setDisplayName(displayName);
        user.setPassword(password);
        user.setRoles(roles == null ? new TreeSet<>() : new TreeSet<>(roles));
        try {
            user.setUnitId(unit == null ? null : UUID.fromString(unit));
            console().println(users.create(user).getId());
        } catch (IllegalArgumentException e) {
            console().println(messages.get(Messages.ZH_CN, "validation.uuid") + " (--unit)");
        } catch (ProblemException e) {
            console().println(ProblemText.of(messages, e));
        }
        return null;
    }
}
