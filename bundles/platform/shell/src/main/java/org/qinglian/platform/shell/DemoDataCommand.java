package org.qinglian.platform.shell;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.demo.DemoDataGenerator;
import org.qinglian.platform.api.demo.DemoScale;
import org.qinglian.platform.api.demo.DemoSummary;

/** {@code qinglian:demo-data}: fills an empty database with the demo city, showing progress. */
@Service
@Command(scope = "qinglian", name = "demo-data", description = "Generates the demo city into an empty database")
public class DemoDataCommand implements Action {

    @Reference
    private Session session;

    @Reference
    private DemoDataGenerator generator;

    @Reference
    private Messages messages;

    @Option(name = "-s", aliases = "--scale", description = "small (2,000 people), medium (20,000) or large (200,000)")
    private String scale = "small";

    @Option(name = "--seed", description = "The same seed gives the same data")
    private long seed = 20261122L;

    @Override
    public Object execute() {
        PrintStream console = session.getConsole();
        DemoScale s;
        try {
            s = DemoScale.valueOf(scale.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            console.println(messages.get(Messages.ZH_CN, "validation.invalidFormat") + " (--scale)");
            return null;
        }
        try {
            DemoSummary summary = generator.generate(s, seed, (step, done, total) -> {
                if (done == total || done % 10_000 == 0) {
                    console.printf("%s %d/%d%n", step, done, total);
                }
            });
            console.printf("%s in %d ms%n", summary.counts(), summary.millis());
        } catch (ProblemException e) {
            console.println(ProblemText.of(messages, e));
        }
        return null;
    }
}
