package org.qinglian.itests;

import org.junit.ClassRule;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/** The platform's contract on the distribution as shipped: the embedded H2 database. */
public class PlatformOnH2IT extends PlatformContract {

    @ClassRule
    public static final PaxExamServer EXAM = new PaxExamServer();

    @Configuration
    public static Option[] configuration() {
        return Exam.options();
    }

    @Override
    protected String databaseProduct() {
        return "H2";
    }
}
