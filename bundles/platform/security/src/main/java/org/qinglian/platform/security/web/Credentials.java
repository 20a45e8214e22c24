package org.qinglian.platform.security.web;

/** The body of {@code POST /api/v1/auth/login}. */
public class Credentials {

    private String username;
    private String password;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
