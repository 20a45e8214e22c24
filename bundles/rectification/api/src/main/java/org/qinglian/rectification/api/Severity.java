package org.qinglian.rectification.api;

/** How serious a problem is. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
