package org.qinglian.platform.core.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.attachment.AttachmentDto;
import org.qinglian.platform.api.attachment.AttachmentUpload;
import org.qinglian.platform.api.calendar.CalendarDayDto;
import org.qinglian.platform.api.event.EventKeys;
import org.qinglian.platform.api.event.Topics;
import org.qinglian.platform.api.job.JobContext;
import org.qinglian.platform.api.job.JobStatusDto;
import org.qinglian.platform.api.job.Schedule;
import org.qinglian.platform.api.spi.ScheduledJob;
import org.qinglian.platform.core.DatabaseTestCase;
import org.qinglian.platform.core.attachment.AttachmentServiceImpl;
import org.qinglian.platform.core.calendar.WorkingCalendarImpl;
import org.qinglian.platform.core.event.EventOutboxImpl;
import org.qinglian.platform.core.job.JobServiceImpl;
import org.qinglian.platform.testing.TestDatabase;

/**
 * The services modules share, on PostgreSQL: attachments checked by content, the working-day
 * calendar, scheduled jobs with idempotency keys, and the outbox that posts only what committed.
 */
public class PlatformServicesTest extends DatabaseTestCase {

    private final List<Event> posted = new ArrayList<>();
    private AttachmentServiceImpl attachments;
    private WorkingCalendarImpl calendar;
    private JobServiceImpl jobs;
    private EventOutboxImpl outbox;

    @Before
    public void services() {
        attachments = new AttachmentServiceImpl(jpa, clock, security, audit, 1024);
        calendar = new WorkingCalendarImpl(jpa, clock);
        jobs = new JobServiceImpl(jpa, TestDatabase.dataSource(), clock);
        outbox = new EventOutboxImpl(jpa, clock, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        });
    }

    private AttachmentDto store(String name, byte[] content) {
        return jpa.txExpr(em -> attachments.store(em, new AttachmentUpload("m", "record", UUID.randomUUID(), null,
                name, content)));
    }

    private static byte[] zip(String entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(1);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    public void anAttachmentsTypeIsFoundInItsContentNotItsName() throws Exception {
        assertEquals("application/pdf", store("a.txt", "%PDF-1.7 x".getBytes(StandardCharsets.US_ASCII)).contentType());
        assertEquals("image/png", store("scan", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}).contentType());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                store("记录.docx", zip("word/document.xml")).contentType());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                store("台账.xlsx", zip("xl/workbook.xml")).contentType());
        AttachmentDto text = store("../../etc/说明.txt", "整改说明".getBytes(StandardCharsets.UTF_8));
        assertEquals("text/plain", text.contentType());
        assertEquals("说明.txt", text.filename());
        assertEquals(64, text.sha256().length());
        for (byte[] refused : List.of("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1), zip("payload.bin"),
                "<html>".getBytes(StandardCharsets.UTF_8), new byte[0], new byte[2048])) {
            ValidationException e = assertThrows(ValidationException.class, () -> store("x.pdf", refused));
            assertEquals("file", e.getViolations().get(0).getField());
        }
        assertEquals(5L, (long) (Long) TestDatabase.value("select count(*) from pf_attachment"));
        assertThrows("no module checks access to it", NotFoundException.class, () -> attachments.open(text.id()));
    }

    @Test
    public void workingDaysFollowTheWeekHolidaysAndMakeUpDays() {
        LocalDate friday = LocalDate.of(2026, 3, 6);
        assertEquals(LocalDate.of(2026, 3, 9), calendar.plusWorkingDays(friday, 1));
        assertEquals(5, calendar.workingDaysBetween(friday, LocalDate.of(2026, 3, 13)));
        calendar.set(new CalendarDayDto(LocalDate.of(2026, 3, 9), false, "假日"));
        calendar.set(new CalendarDayDto(LocalDate.of(2026, 3, 7), true, "调休上班"));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 3, 7)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 9)));
        assertEquals(LocalDate.of(2026, 3, 7), calendar.plusWorkingDays(friday, 1));
        assertEquals(LocalDate.of(2026, 3, 10), calendar.plusWorkingDays(friday, 2));
        assertEquals(-5, calendar.workingDaysBetween(LocalDate.of(2026, 3, 13), friday));
        assertEquals(2, calendar.exceptions(2026).size());
        calendar.clear(LocalDate.of(2026, 3, 9));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 3, 9)));
    }

    @Test
    public void aJobRunsUnderItsLockAndClaimsEachKeyOnce() {
        AtomicInteger posts = new AtomicInteger();
        jobs.bindJob(job("test.posting", context -> {
            for (String key : List.of("a", "b", "a")) {
                if (context.once(key)) {
                    posts.incrementAndGet();
                }
            }
        }));
        jobs.bindJob(job("test.failing", context -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("SUCCESS", jobs.runNow("test.posting").lastOutcome());
        assertEquals("SUCCESS", jobs.runNow("test.posting").lastOutcome());
        assertEquals(2, posts.get());
        JobStatusDto failed = jobs.runNow("test.failing");
        assertEquals("FAILURE", failed.lastOutcome());
        assertEquals("boom", failed.lastMessage());
        assertEquals(2, jobs.jobs().size());
        assertThrows(NotFoundException.class, () -> jobs.runNow("test.missing"));
        // a job due now runs once on the tick that claims its slot, and not again until its next time
        TestDatabase.update("update pf_job set next_run_at = ? where name = 'test.posting'",
                java.sql.Timestamp.from(clock.now().minusSeconds(60)));
        AtomicInteger ticks = new AtomicInteger();
        jobs.bindJob(job("test.posting", context -> ticks.incrementAndGet()));
        jobs.tick();
        jobs.tick();
        assertEquals(1, ticks.get());
    }

    private static ScheduledJob job(String name, JobBody body) {
        return new ScheduledJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String module() {
                return "test";
            }

            @Override
            public Schedule schedule() {
                return Schedule.dailyAt(LocalTime.of(2, 0));
            }

            @Override
            public void run(JobContext context) {
                body.run(context);
            }
        };
    }

    private interface JobBody {
        void run(JobContext context);
    }

    @Test
    public void theOutboxPostsWhatCommittedOnceAndNothingOfARollback() {
        jpa.txExpr(em -> {
            outbox.publish(em, Topics.RECTIFICATION_PROBLEM_CLOSED, Map.of(EventKeys.PROBLEM_ID, "p-1", "text", "整改=完成\n"));
            return null;
        });
        assertThrows(IllegalStateException.class, () -> jpa.txExpr(em -> {
            outbox.publish(em, Topics.RECTIFICATION_PROBLEM_REOPENED, Map.of(EventKeys.PROBLEM_ID, "p-2"));
            throw new IllegalStateException("rolled back");
        }));
        assertThrows(IllegalArgumentException.class, () -> jpa.txExpr(em -> {
            outbox.publish(em, "other/topic", Map.of());
            return null;
        }));
        assertEquals(1, outbox.dispatch());
        assertEquals(0, outbox.dispatch());
        assertEquals(Topics.RECTIFICATION_PROBLEM_CLOSED, posted.get(0).getTopic());
        assertEquals("p-1", posted.get(0).getProperty(EventKeys.PROBLEM_ID));
        assertEquals("整改=完成\n", posted.get(0).getProperty("text"));
        assertTrue(posted.get(0).getProperty(EventKeys.EVENT_ID) != null);
    }
}
