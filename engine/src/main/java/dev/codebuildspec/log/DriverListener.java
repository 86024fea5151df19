package dev.codebuildspec.log;

import dev.codebuildspec.driver.DriverEvent;

/** Receives the driver's events in stream order, between the output bytes around them. */
public interface DriverListener {
    void onEvent(DriverEvent event);

    /** An {@code exported-variables} value, decoded; {@code value} may hold any bytes. */
    void onExportedValue(String name, byte[] value);
}
