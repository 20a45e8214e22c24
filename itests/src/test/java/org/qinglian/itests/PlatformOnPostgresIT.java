package org.qinglian.itests;

import org.junit.ClassRule;
import org.junit.rules.RuleChain;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

/** The platform's contract with the datasource cfg pointed at PostgreSQL, migrated from scratch. */
public class PlatformOnPostgresIT extends PlatformContract {

    @ClassRule
    public static final RuleChain EXAM = Exam.serverOnFreshPostgres();

    @Configuration
    public static Option[] configuration() {
        return OptionUtils.combine(Exam.options(), Exam.postgres());
    }

    @Override
    protected String databaseProduct() {
        return "PostgreSQL";
    }
}
