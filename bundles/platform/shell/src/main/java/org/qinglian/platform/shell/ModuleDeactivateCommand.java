package org.qinglian.platform.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code qinglian:module-deactivate}: switches a module off for a unit (and the units inheriting from it). */
@Service
@Command(scope = "qinglian", name = "module-deactivate", description = "Switches a module off for a unit")
public class ModuleDeactivateCommand extends ModuleSwitchCommand {

    @Override
    boolean active() {
        return false;
    }
}
