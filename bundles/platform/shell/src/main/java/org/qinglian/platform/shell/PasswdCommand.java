package org.qinglian.platform.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.security.UserService;

/**
 * {@code qinglian:passwd}: sets a new password for a user, who must change it at next login;
 * for an operator who lost an admin's password.
 */
@Service
@Command(scope = "qinglian", name = "passwd", description = "Sets a user's password; it must be changed at next login")
public class PasswdCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private UserService users;

    @Reference
    private Messages messages;

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    private String username;

    @Argument(index = 1, name = "password", required = true, description = "The new password (8 to 128 characters)")
    private String password;

    /** The console of the session running the command. */
    private PrintStream console() {
        return session.getConsole();
    }

    @Override
    public Object execute() {
        try {
            users.resetPassword(users.byUsername(username).getId(), password);
            console().println("OK");
        } catch (ProblemException e) {
            console().println(ProblemText.of(messages, e));
        }
        return null;
    }
}
