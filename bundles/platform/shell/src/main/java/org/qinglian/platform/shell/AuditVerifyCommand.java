package org.qinglian.platform.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.qinglian.platform.api.audit.AuditTrail;
import org.qinglian.platform.api.audit.AuditVerification;

/** {@code qinglian:audit-verify}: recomputes the audit chain and compares it with the exported head. */
@Service
@Command(scope = "qinglian", name = "audit-verify",
        description = "Recomputes the sealed audit trail and compares it with the exported head")
public class AuditVerifyCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private AuditTrail trail;

    /** The console of the session running the command. */
    private PrintStream console() {
        return session.getConsole();
    }

    @Override
    public Object execute() {
        AuditVerification result = trail.verify();
        console().println("valid:       " + result.isValid());
        console().println("checked:     " + result.getChecked());
        console().println("firstBroken: " + (result.getFirstBroken() == null ? "-" : result.getFirstBroken()));
        return null;
    }
}
