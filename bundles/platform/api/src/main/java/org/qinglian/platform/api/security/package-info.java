/**
 * Who is calling and what they may see: the caller, their permissions and data scope,
 * need-to-know for sensitive records, users and roles, and what an operation declares about
 * who may call it.
 */
@Export
@Version("1.3.0")
package org.qinglian.platform.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
