package org.qinglian.platform.shell;

import java.io.PrintStream;
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
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.UnitService;

/** {@code qinglian:unit-add}: adds a unit to the organisation tree. */
@Service
@Command(scope = "qinglian", name = "unit-add", description = "Adds a unit to the organisation tree")
public class UnitAddCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private UnitService units;

    @Reference
    private Messages messages;

    @Argument(index = 0, name = "name", required = true, description = "The unit's name")
    private String name;

    @Option(name = "-k", aliases = "--kind", required = true,
            description = "COMMISSION, ORGAN_COMMITTEE, DISPATCHED_GROUP or SUPERVISED_BODY")
    private UnitKind kind;

    @Option(name = "-l", aliases = "--level", required = true, description = "CITY, DISTRICT or TOWNSHIP")
    private UnitLevel level;

    @Option(name = "-p", aliases = "--parent", description = "Id of the parent unit")
    private String parent;

    @Option(name = "-c", aliases = "--code", description = "The unit's organisation code")
    private String code;

    /** The console of the session running the command. */
    private PrintStream console() {
        return session.getConsole();
    }

    @Override
    public Object execute() {
        UnitDto unit = new UnitDto();
        unit.setName(name);
        unit.setKind(kind);
        unit.setLevel(level);
        unit.setCode(code);
        try {
            unit.setParentId(parent == null ? null : UUID.fromString(parent));
            UnitDto created = units.create(unit);
            console().println(created.getId());
        } catch (IllegalArgumentException e) {
            console().println(messages.get(Messages.ZH_CN, "validation.uuid") + " (--parent)");
        } catch (ProblemException e) {
            console().println(ProblemText.of(messages, e));
        }
        return null;
    }
}
