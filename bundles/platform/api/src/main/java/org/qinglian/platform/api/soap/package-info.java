/**
 * What a SOAP endpoint implementation declares so the platform's {@code SoapPublisher} can
 * publish it under {@code /services/<name>}.
 */
@Export
@Version("1.0.0")
package org.qinglian.platform.api.soap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
