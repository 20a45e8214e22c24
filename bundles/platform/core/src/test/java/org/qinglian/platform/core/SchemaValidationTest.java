package org.qinglian.platform.core;

import org.qinglian.platform.testing.TestDatabase;

import org.qinglian.platform.testing.RecordingAuditLog;
import org.qinglian.platform.testing.TestClock;
import org.qinglian.platform.testing.TestSecurityContext;

import org.qinglian.platform.testing.ResourceLocalJpaTemplate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.metamodel.EmbeddableType;
import javax.persistence.metamodel.EntityType;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.core.db.SchemaMigrations;
import org.qinglian.platform.core.entity.PositionEmbeddable;
import org.qinglian.platform.core.service.UnitServiceImpl;

/** The Flyway migrations on PostgreSQL and the entity mappings agree. */
public class SchemaValidationTest {

    /** The tables of records (RecordBase): each has created_at, updated_at and deleted_at. */
    private static final List<String> TABLES = List.of("pf_dictionary", "pf_dictionary_item", "pf_notice", "pf_person",
            "pf_supervision", "pf_todo", "pf_unit");

    private MigrateResult migration;

    @Before
    public void migrate() {
        migration = TestDatabase.reset();
    }

    @Test
    public void migrationsRunAndAreRecordedInThePlatformHistoryTable() throws Exception {
        assertEquals("postgresql", SchemaMigrations.vendor(TestDatabase.dataSource()));
        assertEquals(8, migration.migrationsExecuted);
        assertEquals("1.7", migration.targetSchemaVersion);
        assertEquals(List.of(List.of("1.0", "platform records", true),
                List.of("1.1", "platform dictionaries", true),
                List.of("1.2", "platform unique live codes", true),
                List.of("1.3", "platform portal", true),
                List.of("1.4", "platform services", true),
                List.of("1.5", "platform attachments", true),
                List.of("1.6", "platform demo runs", true),
                List.of("1.7", "platform person name order", true)),
                TestDatabase.rows("select version, description, success from " + SchemaMigrations.HISTORY_TABLE
                        + " where version is not null order by installed_rank"));
        assertEquals(List.of(), TestDatabase.column(
                "select table_name from information_schema.tables where table_name = 'flyway_schema_history'"));

        MigrateResult again = SchemaMigrations.migrate(TestDatabase.dataSource(), getClass().getClassLoader());
        assertEquals(0, again.migrationsExecuted);
        assertEquals(8L, TestDatabase.value("select count(*) from pf_schema_history where version is not null"));
    }

    @Test
    public void thePostgresqlScriptsRanNotTheH2Ones() {
        List<Object> indexes = TestDatabase.column("select indexname from pg_indexes where schemaname = 'public'"
                + " and indexname in ('pf_unit_code_live_uk', 'pf_unit_external_id_live_uk',"
                + " 'pf_person_external_id_live_uk', 'pf_unit_code_ix') order by indexname");
        assertEquals(List.of("pf_person_external_id_live_uk", "pf_unit_code_live_uk", "pf_unit_external_id_live_uk"),
                indexes);
        String definition = (String) TestDatabase.value(
                "select indexdef from pg_indexes where indexname = 'pf_unit_code_live_uk'");
        assertTrue(definition, definition.startsWith("CREATE UNIQUE INDEX"));
        assertTrue(definition, definition.contains("WHERE ((deleted_at IS NULL) AND (code IS NOT NULL))"));
    }

    @Test
    public void hibernateValidatesTheMappingsAgainstTheMigratedSchema() {
        EntityManagerFactory emf = TestDatabase.entityManagerFactory(Map.of("hibernate.hbm2ddl.auto", "validate"));
        try {
            assertTrue(emf.isOpen());
            assertEquals(Set.of("DictionaryEntity", "DictionaryItemEntity", "PersonEntity", "SupervisionEntity",
                    "UnitEntity", "ModuleActivationEntity", "TodoEntity", "NoticeEntity", "NoticeReadEntity"), emf.getMetamodel().getEntities().stream().map(EntityType::getName)
                            .collect(Collectors.toSet()));
            assertEquals(Set.of(PositionEmbeddable.class), emf.getMetamodel().getEmbeddables().stream()
                    .map(EmbeddableType::getJavaType).collect(Collectors.toSet()));
        } finally {
            emf.close();
        }
    }

    @Test
    public void validationHasTeeth() {
        TestDatabase.update("alter table pf_unit drop column short_name");
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> TestDatabase.entityManagerFactory(Map.of("hibernate.hbm2ddl.auto", "validate")).close());
        assertTrue(String.valueOf(rootMessage(e)), rootMessage(e).contains("short_name"));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }

    @Test
    public void everyEntityHasItsOwnSequenceAndThereIsNoHibernateSequence() {
        assertEquals(List.of(
                List.of("pf_dictionary_item_seq", 50L), List.of("pf_dictionary_seq", 50L),
                List.of("pf_module_activation_seq", 50L), List.of("pf_notice_read_seq", 50L),
                List.of("pf_notice_seq", 50L), List.of("pf_person_seq", 50L), List.of("pf_supervision_seq", 50L),
                List.of("pf_todo_seq", 50L), List.of("pf_unit_seq", 50L)),
                TestDatabase.rows("select sequence_name::text, increment::bigint from information_schema.sequences"
                        + " where sequence_schema = 'public' order by sequence_name"));
        assertEquals(0L, TestDatabase.value("select count(*) from pg_class where relname = 'hibernate_sequence'"));
    }

    @Test
    public void hibernateTakesIdsFromTheEntitySequencePooled() {
        EntityManagerFactory emf = TestDatabase.entityManagerFactory();
        try {
            UnitServiceImpl units = new UnitServiceImpl(new ResourceLocalJpaTemplate(emf), new TestClock(
                    DatabaseTestCase.T0), new TestSecurityContext(), new RecordingAuditLog());
            for (int i = 0; i < 3; i++) {
                UnitDto u = new UnitDto();
                u.setName("单位" + i);
                u.setKind(UnitKind.SUPERVISED_BODY);
                u.setLevel(UnitLevel.CITY);
                units.create(u);
            }
        } finally {
            emf.close();
        }
        // pooled-lo over "increment by 50": one call of nextval (1) serves ids 1..50
        assertEquals(List.of(1L, 2L, 3L), TestDatabase.column("select id from pf_unit order by id"));
        assertEquals(1L, TestDatabase.value("select last_value from pf_unit_seq"));
        assertEquals(false, TestDatabase.value("select is_called from pf_person_seq"));
    }

    @Test
    public void recordInstantsAreTimestampsWithTimeZone() {
        List<List<Object>> columns = TestDatabase.rows("select table_name::text, column_name::text, data_type::text"
                + " from information_schema.columns where table_schema = 'public'"
                + " and column_name in ('created_at', 'updated_at', 'deleted_at') order by table_name, column_name");
        // plus instants of rows that are no records: a unit's module setting, outbox events,
        // attachments (written by native SQL), calendar days
        List<List<Object>> others = List.of(List.of("pf_attachment", "created_at"), List.of("pf_attachment", "deleted_at"),
                List.of("pf_calendar_day", "updated_at"), List.of("pf_module_activation", "updated_at"),
                List.of("pf_outbox", "created_at"));
        assertEquals(TABLES.size() * 3 + others.size(), columns.size());
        for (List<Object> column : columns) {
            assertTrue(column.toString(), TABLES.contains(column.get(0)) || others.contains(column.subList(0, 2)));
            assertEquals(column.toString(), "timestamp with time zone", column.get(2));
        }
        assertEquals(List.of("NO", "YES", "NO"), TestDatabase.column("select is_nullable::text"
                + " from information_schema.columns where table_name = 'pf_unit'"
                + " and column_name in ('created_at', 'updated_at', 'deleted_at') order by column_name"));
        assertFalse(TestDatabase.column("select data_type::text from information_schema.columns"
                + " where table_schema = 'public' and table_name like 'pf\\_%' and table_name <> 'pf_schema_history'")
                .contains("timestamp without time zone"));
    }
}
