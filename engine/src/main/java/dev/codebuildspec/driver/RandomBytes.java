package dev.codebuildspec.driver;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Unpredictable bytes for build ids and markers, from the kernel's {@code /dev/urandom}, which is what
 * {@link SecureRandom} reads on Linux too; its first use costs a short-lived command 27-37 ms of provider set-up
 * (bench P2). Where there is no such device, SecureRandom.
 */
public final class RandomBytes {
    private RandomBytes() {
    }

    public static byte[] of(int n) {
        try (InputStream in = new FileInputStream("/dev/urandom")) {
            byte[] b = in.readNBytes(n);
            if (b.length == n) {
                return b;
            }
        } catch (IOException | SecurityException e) {
            // below
        }
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** A random (version 4) UUID, as {@link UUID#randomUUID()} makes it. */
    public static UUID uuid() {
        ByteBuffer b = ByteBuffer.wrap(of(16));
        long high = b.getLong() & ~0xf000L | 0x4000L;
        long low = b.getLong() & ~(0xc0L << 56) | (0x80L << 56);
        return new UUID(high, low);
    }
}
