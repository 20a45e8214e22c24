package org.qinglian.itests.testmodule;

import java.time.Instant;
import java.util.Map;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.portal.NoticeDraft;
import org.qinglian.platform.api.portal.NoticeDto;
import org.qinglian.platform.api.portal.NoticeService;
import org.qinglian.platform.api.portal.TodoDraft;
import org.qinglian.platform.api.portal.TodoDto;
import org.qinglian.platform.api.portal.TodoService;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.RequiresPermission;
import org.qinglian.platform.api.security.SecurityContext;
import org.qinglian.platform.api.spi.LocalizedText;

/**
 * {@code POST /api/v1/testmod/signals}: raises a to-do for the caller and posts a notice to the
 * caller's unit through the platform's services, as a module's job would.
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + TestModule.ID)
@Path("signals")
@Produces(MediaType.APPLICATION_JSON)
public class TestSignalsResource implements RestResource {

    @Reference
    private TodoService todos;

    @Reference
    private NoticeService notices;

    @Reference
    private SecurityContext security;

    @POST
    @RequiresPermission("testmod:write")
    public Map<String, Object> signal() {
        Caller caller = security.caller().orElseThrow();
        TodoDto todo = todos.raise(new TodoDraft(TestModule.ID, "signal/" + caller.getUserId(), caller.getUserId(),
                caller.getUnitId(), new LocalizedText("请核实测试事项 T-1", "Check test item T-1"), "testmod/items",
                TodoDraft.Level.WARNING, Instant.now().plusSeconds(86_400)));
        NoticeDto notice = notices.post(new NoticeDraft(TestModule.ID, caller.getUnitId(), null,
                new LocalizedText("测试事项已更新", "Test items updated"),
                new LocalizedText("本单位的测试事项有更新。", "Your unit's test items were updated."), "testmod/items",
                TodoDraft.Level.INFO));
        return Map.of("todo", todo.id(), "notice", notice.id());
    }
}
