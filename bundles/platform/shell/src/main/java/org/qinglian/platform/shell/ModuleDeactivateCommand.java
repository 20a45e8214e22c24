package org.qinglian.platform.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.portal.ModuleService;

/** {@code qinglian:module-deactivate}: switches a module off for a unit (and the units inheriting from it). */
@Service
@Command(scope = "qinglian", name = "module-deactivate", description = "Switches a module off for a unit")
public class ModuleDeactivateCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private ModuleService modules;

    @Reference
    private Messages messages;

    @Argument(index = 0, name = "module", required = true, description = "The module's id, e.g. talks")
    private String module;

    @Option(name = "-u", aliases = "--unit", required = true, description = "Id of the unit")
    private String unit;

    @Option(name = "-i", aliases = "--inherit", description = "Drop the unit's own setting: inherit from the parent unit")
    private boolean inherit;

    @Override
    public Object execute() {
        ModuleSwitch.run(session.getConsole(), modules, messages, module, unit, inherit ? null : false);
        return null;
    }
}
