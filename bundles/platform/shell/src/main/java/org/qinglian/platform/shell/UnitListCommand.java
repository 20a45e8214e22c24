package org.qinglian.platform.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitQuery;
import org.qinglian.platform.api.UnitService;

/** {@code qinglian:unit-list}: the units of the organisation tree, one page at a time. */
@Service
@Command(scope = "qinglian", name = "unit-list", description = "Lists units of the organisation tree")
public class UnitListCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private UnitService units;

    @Option(name = "-n", aliases = "--name", description = "Only units whose name contains this text")
    private String name;

    @Option(name = "-p", aliases = "--page", description = "Page number, from 1")
    private int page = 1;

    @Option(name = "-s", aliases = "--size", description = "Units per page (at most 200)")
    private int size = 50;

    /** The console of the session running the command. */
    private PrintStream console() {
        return session.getConsole();
    }

    @Override
    public Object execute() {
        Page<UnitDto> result = units.list(new UnitQuery().setName(name),
                PageRequest.of(page, size, "name", UnitService.SORTABLE));
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Name");
        table.column("Kind");
        table.column("Level");
        table.column("Parent");
        table.column("Code");
        for (UnitDto u : result.getItems()) {
            table.addRow().addContent(u.getId(), u.getName(), u.getKind(), u.getLevel(),
                    u.getParentId() == null ? "" : u.getParentId(), u.getCode() == null ? "" : u.getCode());
        }
        table.print(console());
        console().printf("%d of %d units (page %d)%n", result.getItems().size(), result.getTotal(), result.getPage());
        return null;
    }
}
