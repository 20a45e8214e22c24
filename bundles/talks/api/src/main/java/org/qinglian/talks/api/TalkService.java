package org.qinglian.talks.api;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.attachment.AttachmentDto;

/**
 * Talk records. Every method works in the current caller's scope, and sensitive talks only for
 * the callers with need-to-know (their handlers, the leaders of the owning unit and of the units
 * supervising it): whatever the caller may not read is answered as missing (404) and left out of
 * lists, counts of lists and exports. Coverage figures count every talk in scope.
 */
@ProviderType
public interface TalkService {

    /** The module id: first part of its permissions, its REST path and its events. */
    String MODULE = "talks";
    /** Fields the register sorts by. */
    Set<String> SORTABLE = Set.of("number", "plannedOn", "heldOn", "kind", "status", "followUpDeadline", "createdAt");

    Page<TalkDto> talks(TalkQuery query, PageRequest page, Locale locale);

    /** A talk with its content, files and history; a read of a sensitive talk is audited. */
    TalkDetailDto talk(UUID id, Locale locale);

    TalkDto create(TalkDraft draft, Locale locale);

    TalkDto update(UUID id, long expectedVersion, TalkDraft draft, Locale locale);

    /**
     * Moves a talk on.
     *
     * @throws org.qinglian.platform.api.ConflictException (409) when the state does not allow the action
     */
    TalkDetailDto transition(UUID id, long expectedVersion, TransitionRequest request, Locale locale);

    /** Attaches a file (the signed record scan, a letter, a reply) to a talk. */
    AttachmentDto attach(UUID id, String filename, byte[] content);

    /**
     * Raises the talk's follow-up requirement as a problem of the rectification ledger, once.
     *
     * @throws org.qinglian.platform.api.ConflictException when the ledger is not installed or the
     *         talk has no follow-up requirement
     */
    FindingResult raiseFinding(UUID id, FindingRequest request);

    /** Writes the register of the talks the query selects as .xlsx (no summaries, statements or replies). */
    void exportRegister(TalkQuery query, Locale locale, OutputStream out);

    /** The year's talks by month, of a unit (with its subordinates) or of every unit in scope. */
    PlanDto plan(int year, java.util.UUID unitId, boolean subordinates, Locale locale);

    /** Plans the year's political talks with every top leader and leadership member who has none yet. */
    PlanResult planPolitical(int year, PlanRequest request);

    CoverageDto coverage(CoverageQuery query);

    Page<CoveragePersonDto> coveragePeople(CoverageQuery query, PageRequest page);

    /** Writes the coverage as .xlsx: every leader with whether and when covered, and the figures by unit. */
    void exportCoverage(CoverageQuery query, Locale locale, OutputStream out);
}
