package org.qinglian.platform.shell;

import java.io.PrintStream;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.Row;
import org.apache.karaf.shell.support.table.ShellTable;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.portal.ModuleActivationDto;
import org.qinglian.platform.api.portal.ModuleService;
import org.qinglian.platform.api.spi.PortalModule;

/** {@code qinglian:module-list}: the installed modules, and with {@code --unit} their activation for a unit. */
@Service
@Command(scope = "qinglian", name = "module-list", description = "Lists the installed modules and their activation for a unit")
public class ModuleListCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private ModuleService modules;

    @Reference
    private Messages messages;

    @Option(name = "-u", aliases = "--unit", description = "Id of a unit: shows whether each module is active for it")
    private String unit;

    private PrintStream console() {
        return session.getConsole();
    }

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Name");
        table.column("Order");
        table.column("Entry script");
        if (unit != null) {
            table.column("Active");
            table.column("Setting");
        }
        try {
            UUID unitId = unit == null ? null : UUID.fromString(unit);
            var activations = unitId == null ? null : modules.activations(unitId);
            for (PortalModule m : modules.installed()) {
                Row row = table.addRow();
                row.addContent(m.id(), m.name().zh() + " / " + m.name().en(), m.order(), m.entryScript());
                if (activations != null) {
                    ModuleActivationDto a = activations.stream().filter(x -> x.moduleId().equals(m.id())).findFirst()
                            .orElseThrow();
                    row.addContent(a.active() ? "yes" : "no", a.explicit() ? "own"
                            : a.inheritedFrom() == null ? "default" : "inherited from " + a.inheritedFrom());
                }
            }
            table.print(console());
            console().printf("%d modules installed%n", modules.installed().size());
        } catch (IllegalArgumentException e) {
            console().println(messages.get(Messages.ZH_CN, "validation.uuid") + " (--unit)");
        } catch (ProblemException e) {
            console().println(ProblemText.of(messages, e));
        }
        return null;
    }
}
