package org.qinglian.rectification.core;

import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.spi.AttachmentAccess;
import org.qinglian.rectification.api.RectificationService;

/** Evidence files of progress reports are readable where the report's problem is. */
@Component(service = AttachmentAccess.class)
public class RectificationAttachmentAccess implements AttachmentAccess {

    @Reference
    private RectificationService ledger;

    public RectificationAttachmentAccess() {
    }

    /** For tests. */
    public RectificationAttachmentAccess(RectificationService ledger) {
        this.ledger = ledger;
    }

    @Override
    public String module() {
        return RectificationService.MODULE;
    }

    @Override
    public boolean mayRead(String ownerType, UUID ownerId) {
        return "progress".equals(ownerType) && ((RectificationServiceImpl) ledger).mayReadProgress(ownerId);
    }
}
