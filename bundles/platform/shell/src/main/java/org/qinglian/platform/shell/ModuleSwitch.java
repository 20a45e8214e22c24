package org.qinglian.platform.shell;

import java.io.PrintStream;
import java.util.UUID;

import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.portal.ModuleActivationDto;
import org.qinglian.platform.api.portal.ModuleService;

/**
 * What {@code module-activate} and {@code module-deactivate} share. (Each command declares its
 * own options: Karaf's parser does not see options declared in a superclass.)
 */
final class ModuleSwitch {

    private ModuleSwitch() {
    }

    /** Sets a module's activation for a unit ({@code active == null}: inherit) and prints the result. */
    static void run(PrintStream console, ModuleService modules, Messages messages, String module, String unit,
            Boolean active) {
        try {
            ModuleActivationDto a = modules.setActive(UUID.fromString(unit), module, active);
            console.printf("%s: %s (%s)%n", a.moduleId(), a.active() ? "active" : "inactive",
                    a.explicit() ? "own setting" : "inherited");
        } catch (IllegalArgumentException e) {
            console.println(messages.get(Messages.ZH_CN, "validation.uuid") + " (--unit)");
        } catch (ProblemException e) {
            console.println(ProblemText.of(messages, e));
        }
    }
}
