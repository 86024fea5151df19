package dev.codebuildspec.driver;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The prefix of the driver's event lines: a record separator byte and a random nonce, so that
 * no command output can be mistaken for an event by accident.
 */
public record DriverMarker(String nonce) {
    public static DriverMarker random() {
        return new DriverMarker(HexFormat.of().formatHex(RandomBytes.of(8)));
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.US_ASCII);
    }

    public String text() {
        return "\u001eCBS-" + nonce + " ";
    }

    /** The same prefix as a printf format fragment (octal escape instead of the raw byte). */
    String printfFormat() {
        return "\\036CBS-" + nonce + " ";
    }
}
