package org.qinglian.platform.rest.resources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.attachment.AttachmentContent;
import org.qinglian.platform.api.attachment.AttachmentService;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.Authenticated;

/**
 * {@code /api/v1/attachments/{id}}: streams an attachment as a download, after the owning module
 * said the caller may read the record it belongs to (else 404, as for a missing one).
 */
@Component(service = RestResource.class, property = RestResource.MODULE + "=" + RestResource.PLATFORM)
@Path("attachments")
public class AttachmentsResource implements RestResource {

    @Reference
    private AttachmentService attachments;

    @GET
    @Path("{id}")
    @Authenticated
    public Response download(@PathParam("id") UUID id) {
        AttachmentContent file = attachments.open(id);
        String name = URLEncoder.encode(file.attachment().filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content(), file.attachment().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("Digest", "sha-256=" + file.attachment().sha256()).build();
    }
}
