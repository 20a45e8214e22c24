/**
 * The portal's services: installed modules and their activation per unit, to-dos and notices
 * that modules post for users. Provided by the platform.
 */
@Export
@Version("1.0.0")
package org.qinglian.platform.api.portal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
