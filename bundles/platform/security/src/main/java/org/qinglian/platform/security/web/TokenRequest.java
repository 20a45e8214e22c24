package org.qinglian.platform.security.web;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** The body of {@code POST /api/v1/tokens}. */
public class TokenRequest {

    private String name;
    private Set<String> permissions = new TreeSet<>();
    private Instant expiresAt;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Set<String> getPermissions() { return permissions; }
    public void setPermissions(Set<String> permissions) { this.permissions = permissions; }
    public Instant getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt; }
}
