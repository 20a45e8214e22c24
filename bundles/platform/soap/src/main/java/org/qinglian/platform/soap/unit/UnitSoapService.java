package org.qinglian.platform.soap.unit;

import java.util.UUID;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonQuery;
import org.qinglian.platform.api.PersonService;
import org.qinglian.platform.api.UnitQuery;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.rest.Requests;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.soap.SoapEndpoint;

/**
 * {@code /services/UnitService}: units and people for other intranet systems, through the same
 * services, paging rules and permissions as the REST API.
 */
@Component(service = SoapEndpoint.class, property = {
        SoapEndpoint.NAME + "=UnitService", SoapEndpoint.MODULE + "=platform" })
@WebService(name = "UnitService", serviceName = "UnitService", portName = "UnitServicePort",
        targetNamespace = UnitSoapService.NS)
public class UnitSoapService implements SoapEndpoint {

    static final String NS = "http://qinglian.org/platform/unit/v1";

    @Reference
    private UnitService units;

    @Reference
    private PersonService people;

    @WebMethod
    @WebResult(name = "units")
    @RequiresPermission("platform:units-read")
    public RecordPage listUnits(@WebParam(name = "parentId") String parentId, @WebParam(name = "name") String name,
            @WebParam(name = "page") Integer page, @WebParam(name = "size") Integer size) {
        UnitQuery query = new UnitQuery().setParentId(Requests.uuid("parentId", parentId)).setName(name);
        RecordPage result = new RecordPage();
        return RecordPage.of(units.list(query, PageRequest.of(page, size, null, UnitService.SORTABLE)),
                UnitRecord::of, result.unit, result);
    }

    @WebMethod
    @WebResult(name = "unit")
    @RequiresPermission("platform:units-read")
    public UnitRecord getUnit(@WebParam(name = "id") String id) {
        return UnitRecord.of(units.get(required("id", id)));
    }

    @WebMethod
    @WebResult(name = "people")
    @RequiresPermission("platform:people-read")
    public RecordPage listPeople(@WebParam(name = "unitId") String unitId, @WebParam(name = "name") String name,
            @WebParam(name = "page") Integer page, @WebParam(name = "size") Integer size) {
        PersonQuery query = new PersonQuery().setUnitId(Requests.uuid("unitId", unitId)).setName(name);
        RecordPage result = new RecordPage();
        return RecordPage.of(people.list(query, PageRequest.of(page, size, null, PersonService.SORTABLE)),
                PersonRecord::of, result.person, result);
    }

    @WebMethod
    @WebResult(name = "person")
    @RequiresPermission("platform:people-read")
    public PersonRecord getPerson(@WebParam(name = "id") String id) {
        return PersonRecord.of(people.get(required("id", id)));
    }

    private static UUID required(String field, String value) {
        UUID id = Requests.uuid(field, value);
        if (id == null) {
            throw new ValidationException(field, "validation.required");
        }
        return id;
    }
}
