package org.qinglian.rectification.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.attachment.AttachmentDto;

/**
 * The ledger. Every method works in the current caller's scope: records of units outside it are
 * answered as missing (404), never as forbidden, so their existence is not disclosed.
 */
@ProviderType
public interface RectificationService {

    /** The module id: first part of its permissions, its REST path and its events. */
    String MODULE = "rectification";
    /** The dictionary of problem categories (the seven areas). */
    String CATEGORY_DICTIONARY = "rectification-category";
    /** Fields the inspection list sorts by. */
    Set<String> INSPECTION_SORTABLE = Set.of("title", "startDate", "createdAt");
    /** Fields the problem list sorts by. */
    Set<String> PROBLEM_SORTABLE = Set.of("number", "deadline", "status", "category", "severity", "createdAt",
            "updatedAt");

    Page<InspectionDto> inspections(String text, PageRequest page);

    InspectionDto inspection(UUID id);

    InspectionDto createInspection(InspectionDraft draft);

    InspectionDto updateInspection(UUID id, long expectedVersion, InspectionDraft draft);

    Page<ProblemDto> problems(ProblemQuery query, PageRequest page, Locale locale);

    /** A problem with measures, progress, timeline and the caller's allowed actions. */
    ProblemDetailDto problem(UUID id, Locale locale);

    ProblemDto createProblem(ProblemDraft draft, Locale locale);

    ProblemDto updateProblem(UUID id, long expectedVersion, ProblemDraft draft, Locale locale);

    MeasureDto addMeasure(UUID problemId, MeasureDraft draft);

    MeasureDto updateMeasure(UUID measureId, long expectedVersion, MeasureDraft draft);

    ProgressDto report(UUID problemId, ProgressDraft draft);

    /** Attaches evidence to a progress report. */
    AttachmentDto attach(UUID progressId, String filename, byte[] content);

    /**
     * Makes a transition.
     *
     * @throws org.qinglian.platform.api.ConflictException (409) when the action is not allowed in
     *         the problem's state or its conditions are not met
     */
    ProblemDetailDto transition(UUID problemId, long expectedVersion, TransitionRequest request, Locale locale);

    StatisticsDto statistics(ProblemQuery query, Locale locale);

    /**
     * Writes the ledger of the problems the query selects as .xlsx: of a unit (with its
     * subordinates) or of an inspection.
     */
    void exportLedger(ProblemQuery query, Locale locale, OutputStream out);

    /**
     * Registers the problems of a ledger file (the export's layout) under an inspection. Every row
     * is checked first; if any is wrong nothing is written and the validation problem names each
     * row and column ({@code rows[7].deadline}).
     */
    ImportResult importLedger(UUID inspectionId, InputStream xlsx, Locale locale);
}
