package org.qinglian.platform.modules;

import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.logging.spi.PaxAppender;
import org.ops4j.pax.logging.spi.PaxLoggingEvent;
import org.osgi.service.component.annotations.Component;

/**
 * Collects what the features service prints while a dry run is under way: Karaf reports the
 * deployment it would make ("Bundles to install: …") only as log lines of its
 * {@code FeaturesServiceImpl}, which reach this appender through Pax Logging's OSGi appender.
 */
@Component(service = {PaxAppender.class, FeatureLog.class},
        property = "org.ops4j.pax.logging.appender.name=QinglianFeatureLog")
public class FeatureLog implements PaxAppender {

    static final String FEATURES_LOGGER = "org.apache.karaf.features.internal.service.FeaturesServiceImpl";

    private List<String> capture;

    /** Starts collecting the features service's lines. */
    synchronized void start() {
        capture = new ArrayList<>();
    }

    /** Stops collecting; answers the lines collected since {@link #start()}. */
    synchronized List<String> stop() {
        List<String> lines = capture == null ? List.of() : capture;
        capture = null;
        return lines;
    }

    @Override
    public synchronized void doAppend(PaxLoggingEvent event) {
        if (capture != null && FEATURES_LOGGER.equals(event.getLoggerName())) {
            for (String line : String.valueOf(event.getMessage()).split("\\R")) {
                capture.add(line);
            }
        }
    }
}
