package org.qinglian.talks.core;

import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.spi.AttachmentAccess;
import org.qinglian.talks.api.TalkService;

/** A talk's files (the signed record scan, a letter, a reply) are readable where the talk is, need-to-know included. */
@Component(service = AttachmentAccess.class)
public class TalksAttachmentAccess implements AttachmentAccess {

    @Reference
    private TalkService talks;

    public TalksAttachmentAccess() {
    }

    /** For tests. */
    public TalksAttachmentAccess(TalkService talks) {
        this.talks = talks;
    }

    @Override
    public String module() {
        return TalkService.MODULE;
    }

    @Override
    public boolean mayRead(String ownerType, UUID ownerId) {
        return "talk".equals(ownerType) && ((TalkServiceImpl) talks).mayRead(ownerId);
    }
}
