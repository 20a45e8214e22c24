package org.qinglian.itests;

import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.rules.ExternalResource;
import org.junit.rules.RuleChain;
import org.ops4j.pax.exam.junit.PaxExamServer;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Pax Exam options that boot the real Qinglian distribution and install its platform feature. */
final class Exam {

    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-qinglian.cfg";

    private Exam() {
    }

    static String distribution() {
        return new File(System.getProperty("qinglian.distribution")).getAbsolutePath();
    }

    static Option[] options(Option... extra) {
        String version = System.getProperty("qinglian.version");
        return OptionUtils.combine(new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl("file:" + distribution())
                    .name("Qinglian")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            // Pax Exam's own probe bundles come from the build's Maven repository; Qinglian's
            // features and bundles come from the distribution's system/ folder
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local")),
            features("mvn:org.qinglian/qinglian-features/" + version + "/xml/features", "qinglian-platform"),
        }, extra);
    }

    /**
     * The class rule of a suite on PostgreSQL: empties the integration tests' database, then
     * boots the distribution (Pax Exam in server mode) for the whole class.
     */
    static RuleChain serverOnFreshPostgres() {
        return RuleChain.outerRule(new ExternalResource() {
            @Override
            protected void before() throws Throwable {
                resetPostgres();
            }
        }).around(new PaxExamServer());
    }

    /** Installs the test-only module (a menu entry, REST resources, a dashboard card, an entry script). */
    static Option testModule() {
        return features("mvn:org.qinglian/org.qinglian.itests.testmodule/" + System.getProperty("qinglian.version")
                + "/xml/features", "qinglian-testmodule");
    }

    /** The datasource cfg that points the distribution at the integration tests' PostgreSQL database. */
    static Option[] postgres() {
        return new Option[] {
            editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(DATASOURCE_CFG, "url", jdbcUrl()),
            editConfigurationFilePut(DATASOURCE_CFG, "user", System.getProperty("qinglian.test.jdbc.user", "postgres")),
            editConfigurationFilePut(DATASOURCE_CFG, "password", System.getProperty("qinglian.test.jdbc.password", "")),
            editConfigurationFilePut(DATASOURCE_CFG, "dataSourceName", "qinglian"),
            editConfigurationFilePut(DATASOURCE_CFG, "pool", "dbcp2"),
            editConfigurationFilePut(DATASOURCE_CFG, "xa", "true"),
        };
    }

    static String jdbcUrl() {
        return System.getProperty("qinglian.it.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/qinglian_it");
    }

    /**
     * Creates the integration tests' PostgreSQL database if it is missing and empties it, so the
     * distribution migrates it from scratch.
     */
    static void resetPostgres() throws SQLException {
        String url = jdbcUrl();
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1).replaceAll("\\?.*", "");
        try (Connection c = connect(url.substring(0, slash + 1) + "postgres");
                Statement s = c.createStatement();
                var exists = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!exists.next()) {
                s.execute("create database " + database);
            }
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getProperty("qinglian.test.jdbc.user", "postgres"),
                System.getProperty("qinglian.test.jdbc.password", ""));
    }
}
