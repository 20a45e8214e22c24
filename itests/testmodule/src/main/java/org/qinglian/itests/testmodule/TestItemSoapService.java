package org.qinglian.itests.testmodule;

import javax.jws.WebMethod;
import javax.jws.WebResult;
import javax.jws.WebService;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.soap.SoapEndpoint;

/** {@code /services/TestItemService}: a module's SOAP endpoint, guarded by the platform like its REST. */
@Component(service = SoapEndpoint.class, property = {
        SoapEndpoint.NAME + "=TestItemService", SoapEndpoint.MODULE + "=" + TestModule.ID })
@WebService(name = "TestItemService", serviceName = "TestItemService", portName = "TestItemServicePort",
        targetNamespace = TestItemSoapService.NS)
public class TestItemSoapService implements SoapEndpoint {

    static final String NS = "http://qinglian.org/itests/testmod/v1";

    @WebMethod
    @WebResult(name = "count")
    @RequiresPermission("testmod:read")
    public int countItems() {
        return 2;
    }
}
