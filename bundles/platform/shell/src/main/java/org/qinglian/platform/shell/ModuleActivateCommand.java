package org.qinglian.platform.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code qinglian:module-activate}: switches a module on for a unit (and the units inheriting from it). */
@Service
@Command(scope = "qinglian", name = "module-activate", description = "Switches a module on for a unit")
public class ModuleActivateCommand extends ModuleSwitchCommand {

    @Override
    boolean active() {
        return true;
    }
}
