package org.qinglian.platform.shell;

import java.io.PrintStream;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.portal.ModuleActivationDto;
import org.qinglian.platform.api.portal.ModuleService;

/** What {@code module-activate} and {@code module-deactivate} share: switching a module for a unit. */
abstract class ModuleSwitchCommand implements Action {

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

    /** The setting the command gives. */
    abstract boolean active();

    @Override
    public Object execute() {
        PrintStream console = session.getConsole();
        try {
            ModuleActivationDto a = modules.setActive(UUID.fromString(unit), module, inherit ? null : active());
            console.printf("%s: %s (%s)%n", a.moduleId(), a.active() ? "active" : "inactive",
                    a.explicit() ? "own setting" : "inherited");
        } catch (IllegalArgumentException e) {
            console.println(messages.get(Messages.ZH_CN, "validation.uuid") + " (--unit)");
        } catch (ProblemException e) {
            console.println(ProblemText.of(messages, e));
        }
        return null;
    }
}
