package org.qinglian.platform.security.account;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * Permission comparison, through Shiro's {@link WildcardPermission}: {@code *} implies every
 * permission, {@code platform:*} every permission of the platform module. Every comparison of
 * permissions in this bundle (checks and grants) goes through here.
 */
public final class Permissions {

    /** The longest permission string stored. */
    public static final int MAX_LENGTH = 100;

    /** {@code *}, {@code <module>:*} or {@code <module>:<action>}, lower case. */
    private static final Pattern FORMAT = Pattern.compile("\\*|[a-z0-9][a-z0-9._-]*:(\\*|[a-z0-9][a-z0-9._-]*)");

    private Permissions() {
    }

    /** Whether a permission string has the form {@code <module>:<action>} (wildcards allowed). */
    public static boolean isValid(String permission) {
        return permission != null && permission.length() <= MAX_LENGTH && FORMAT.matcher(permission).matches();
    }

    /** Whether any of the held permissions implies the wanted one. */
    public static boolean implies(Collection<String> held, String wanted) {
        if (held == null || wanted == null || wanted.isBlank()) {
            return false;
        }
        WildcardPermission w = new WildcardPermission(wanted);
        for (String h : held) {
            if (h != null && !h.isBlank() && new WildcardPermission(h).implies(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the held permissions imply every wanted one. */
    public static boolean impliesAll(Collection<String> held, Collection<String> wanted) {
        for (String w : wanted) {
            if (!implies(held, w)) {
                return false;
            }
        }
        return true;
    }

    /** The chosen permissions the held ones still imply: a token's permissions in force for its user. */
    public static Set<String> narrow(Collection<String> held, Collection<String> chosen) {
        Set<String> result = new LinkedHashSet<>();
        for (String c : chosen) {
            if (implies(held, c)) {
                result.add(c);
            }
        }
        return result;
    }
}
