package org.qinglian.rectification.web.soap;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.soap.SoapEndpoint;
import org.qinglian.rectification.api.Action;
import org.qinglian.rectification.api.MeasureDraft;
import org.qinglian.rectification.api.ProblemDetailDto;
import org.qinglian.rectification.api.ProblemDraft;
import org.qinglian.rectification.api.ProblemDto;
import org.qinglian.rectification.api.ProblemQuery;
import org.qinglian.rectification.api.ProblemStatus;
import org.qinglian.rectification.api.ProgressDraft;
import org.qinglian.rectification.api.RectificationService;
import org.qinglian.rectification.api.Severity;
import org.qinglian.rectification.api.TransitionRequest;

/**
 * {@code /services/RectificationService}: the ledger for other intranet systems (OA, the
 * provincial platform): list and read problems, register one, report progress, request closure,
 * through the same service, scope and permissions as the REST API.
 */
@Component(service = SoapEndpoint.class, property = {
        SoapEndpoint.NAME + "=RectificationService", SoapEndpoint.MODULE + "=" + RectificationService.MODULE })
@WebService(name = "RectificationService", serviceName = "RectificationService",
        portName = "RectificationServicePort", targetNamespace = RectificationSoapService.NS)
public class RectificationSoapService implements SoapEndpoint {

    static final String NS = "http://qinglian.org/rectification/v1";

    @Reference
    private RectificationService ledger;

    @WebMethod
    @WebResult(name = "problems")
    @RequiresPermission("rectification:read")
    public ProblemPage listProblems(@WebParam(name = "unitId") String unitId,
            @WebParam(name = "inspectionId") String inspectionId, @WebParam(name = "status") String status,
            @WebParam(name = "overdue") Boolean overdue, @WebParam(name = "page") Integer page,
            @WebParam(name = "size") Integer size) {
        ProblemQuery query = new ProblemQuery(Requests.uuid("unitId", unitId), false,
                Requests.uuid("inspectionId", inspectionId), Requests.enumValue("status", status, ProblemStatus.class),
                overdue, null, null);
        Page<ProblemDto> found = ledger.problems(query, PageRequest.of(page, size, null,
                RectificationService.PROBLEM_SORTABLE), Messages.ZH_CN);
        ProblemPage result = new ProblemPage();
        found.getItems().forEach(p -> result.problem.add(ProblemRecord.of(p)));
        result.total = found.getTotal();
        result.page = found.getPage();
        result.size = found.getSize();
        return result;
    }

    @WebMethod
    @WebResult(name = "problem")
    @RequiresPermission("rectification:read")
    public ProblemRecord getProblem(@WebParam(name = "id") String id) {
        return record(ledger.problem(required("id", id), Messages.ZH_CN));
    }

    @WebMethod
    @WebResult(name = "problem")
    @RequiresPermission("rectification:write")
    public ProblemRecord createProblem(@WebParam(name = "inspectionId") String inspectionId,
            @WebParam(name = "description") String description, @WebParam(name = "category") String category,
            @WebParam(name = "severity") String severity, @WebParam(name = "unitId") String unitId,
            @WebParam(name = "leaderId") String leaderId, @WebParam(name = "measure") String measure,
            @WebParam(name = "deadline") String deadline) {
        LocalDate due = Requests.date("deadline", deadline);
        List<MeasureDraft> measures = measure == null || measure.isBlank() ? List.of()
                : List.of(new MeasureDraft(measure, null, null, due, false, List.of()));
        ProblemDto created = ledger.createProblem(new ProblemDraft(Requests.uuid("inspectionId", inspectionId),
                description, category, severity == null ? Severity.MEDIUM
                        : Requests.enumValue("severity", severity, Severity.class), Requests.uuid("unitId", unitId),
                Requests.uuid("leaderId", leaderId), measures), Messages.ZH_CN);
        return record(ledger.problem(created.id(), Messages.ZH_CN));
    }

    @WebMethod
    @WebResult(name = "problem")
    @RequiresPermission("rectification:report")
    public ProblemRecord reportProgress(@WebParam(name = "problemId") String problemId,
            @WebParam(name = "text") String text, @WebParam(name = "measureId") String measureId,
            @WebParam(name = "completesMeasure") Boolean completesMeasure) {
        UUID id = required("problemId", problemId);
        ledger.report(id, new ProgressDraft(text, Requests.uuid("measureId", measureId),
                Boolean.TRUE.equals(completesMeasure)));
        return record(ledger.problem(id, Messages.ZH_CN));
    }

    @WebMethod
    @WebResult(name = "problem")
    @RequiresPermission("rectification:report")
    public ProblemRecord requestClosure(@WebParam(name = "problemId") String problemId,
            @WebParam(name = "version") Long version, @WebParam(name = "note") String note) {
        if (version == null) {
            throw new ValidationException("version", "validation.required");
        }
        return record(ledger.transition(required("problemId", problemId), version,
                new TransitionRequest(Action.REQUEST_CLOSURE, note), Locale.SIMPLIFIED_CHINESE));
    }

    private static ProblemRecord record(ProblemDetailDto detail) {
        ProblemRecord r = ProblemRecord.of(detail.problem());
        detail.measures().forEach(m -> r.measure.add(ProblemRecord.MeasureRecord.of(m)));
        return r;
    }

    private static UUID required(String field, String value) {
        UUID id = Requests.uuid(field, value);
        if (id == null) {
            throw new ValidationException(field, "validation.required");
        }
        return id;
    }
}
