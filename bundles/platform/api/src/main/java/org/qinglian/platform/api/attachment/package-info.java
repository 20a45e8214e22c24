/**
 * Attachments: evidence files a module stores for one of its records (a signed talk record, a
 * rectification proof). The platform checks size and type, keeps the SHA-256 and streams a file
 * only after the owning module's {@link org.qinglian.platform.api.spi.AttachmentAccess} allowed it.
 */
@Export
@Version("1.0.0")
package org.qinglian.platform.api.attachment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
