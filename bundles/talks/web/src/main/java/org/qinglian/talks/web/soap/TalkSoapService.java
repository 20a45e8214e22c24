package org.qinglian.talks.web.soap;

import java.util.ArrayList;
import java.util.List;
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
import org.qinglian.platform.api.PlatformClock;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.security.Sensitivity;
import org.qinglian.platform.api.soap.SoapEndpoint;
import org.qinglian.talks.api.CoverageQuery;
import org.qinglian.talks.api.SubjectDraft;
import org.qinglian.talks.api.TalkDraft;
import org.qinglian.talks.api.TalkDto;
import org.qinglian.talks.api.TalkKind;
import org.qinglian.talks.api.TalkQuery;
import org.qinglian.talks.api.TalkReason;
import org.qinglian.talks.api.TalkService;
import org.qinglian.talks.api.TalkStatus;

/**
 * {@code /services/TalkService}: talks for other intranet systems (the organisation department's
 * HR system, the provincial platform): list and read talks, plan one, and the year's coverage of
 * political talks, through the same service, scope, need-to-know and permissions as the REST API.
 * An API token never has need-to-know, so sensitive talks never reach a SOAP caller.
 */
@Component(service = SoapEndpoint.class, property = {
        SoapEndpoint.NAME + "=TalkService", SoapEndpoint.MODULE + "=" + TalkService.MODULE })
@WebService(name = "TalkService", serviceName = "TalkService", portName = "TalkServicePort",
        targetNamespace = TalkSoapService.NS)
public class TalkSoapService implements SoapEndpoint {

    static final String NS = "http://qinglian.org/talks/v1";

    @Reference
    private TalkService talks;

    @Reference
    private PlatformClock clock;

    @WebMethod
    @WebResult(name = "talks")
    @RequiresPermission("talks:read")
    public TalkPage listTalks(@WebParam(name = "unitId") String unitId, @WebParam(name = "kind") String kind,
            @WebParam(name = "status") String status, @WebParam(name = "year") Integer year,
            @WebParam(name = "personId") String personId, @WebParam(name = "page") Integer page,
            @WebParam(name = "size") Integer size) {
        TalkQuery query = new TalkQuery(Requests.enumValue("kind", kind, TalkKind.class),
                Requests.enumValue("status", status, TalkStatus.class), null, null, Requests.uuid("unitId", unitId),
                false, year, Requests.uuid("personId", personId), null, null, null);
        Page<TalkDto> found = talks.talks(query, PageRequest.of(page, size, null, TalkService.SORTABLE),
                Messages.ZH_CN);
        TalkPage result = new TalkPage();
        found.getItems().forEach(t -> result.talk.add(TalkRecord.of(t)));
        result.total = found.getTotal();
        result.page = found.getPage();
        result.size = found.getSize();
        return result;
    }

    @WebMethod
    @WebResult(name = "talk")
    @RequiresPermission("talks:read")
    public TalkRecord getTalk(@WebParam(name = "id") String id) {
        return TalkRecord.of(talks.talk(required("id", id), Messages.ZH_CN).talk());
    }

    @WebMethod
    @WebResult(name = "talk")
    @RequiresPermission("talks:write")
    public TalkRecord planTalk(@WebParam(name = "kind") String kind, @WebParam(name = "reason") String reason,
            @WebParam(name = "unitId") String unitId, @WebParam(name = "personId") List<String> personIds,
            @WebParam(name = "plannedOn") String plannedOn, @WebParam(name = "sensitivity") String sensitivity) {
        List<SubjectDraft> subjects = new ArrayList<>();
        if (personIds != null) {
            for (int i = 0; i < personIds.size(); i++) {
                subjects.add(new SubjectDraft(Requests.uuid("personId[" + i + "]", personIds.get(i)), null));
            }
        }
        TalkDto planned = talks.create(new TalkDraft(Requests.enumValue("kind", kind, TalkKind.class),
                reason == null ? TalkReason.ROUTINE : Requests.enumValue("reason", reason, TalkReason.class),
                Requests.enumValue("sensitivity", sensitivity, Sensitivity.class), Requests.uuid("unitId", unitId),
                Requests.date("plannedOn", plannedOn), null, null, subjects, null, null, null, null, null, null, null,
                null), Messages.ZH_CN);
        return TalkRecord.of(planned);
    }

    @WebMethod
    @WebResult(name = "coverage")
    @RequiresPermission("talks:read")
    public CoverageRecord getCoverage(@WebParam(name = "year") Integer year, @WebParam(name = "unitId") String unitId,
            @WebParam(name = "subordinates") Boolean subordinates) {
        return CoverageRecord.of(talks.coverage(new CoverageQuery(year == null ? clock.today().getYear() : year,
                Requests.uuid("unitId", unitId), Boolean.TRUE.equals(subordinates), null)));
    }

    private static UUID required(String field, String value) {
        UUID id = Requests.uuid(field, value);
        if (id == null) {
            throw new ValidationException(field, "validation.required");
        }
        return id;
    }
}
