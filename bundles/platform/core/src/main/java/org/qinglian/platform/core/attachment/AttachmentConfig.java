package org.qinglian.platform.core.attachment;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of attachments ({@code etc/org.qinglian.platform.attachments.cfg}). */
@ObjectClassDefinition(name = "Qinglian attachments")
public @interface AttachmentConfig {

    @AttributeDefinition(description = "The largest file accepted, in megabytes")
    int maxSizeMegabytes() default 20;
}
