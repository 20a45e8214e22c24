package org.qinglian.platform.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.portal.ModuleInstaller;

/** {@code qinglian:module-install}: the module page's install, with the same checks, audit and desired set. */
@Service
@Command(scope = "qinglian", name = "module-install", description = "Installs a module feature of the bundled repositories, without refreshing other bundles")
public class ModuleInstallCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private ModuleInstaller installer;

    @Reference
    private Messages messages;

    @Argument(index = 0, name = "feature", required = true, description = "The module feature, e.g. qinglian-talks")
    private String feature;

    @Override
    public Object execute() throws Exception {
        ModuleJobs.run(session.getConsole(), installer, messages, feature, ModuleInstaller.Action.INSTALL);
        return null;
    }
}
